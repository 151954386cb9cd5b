//! `copydesk server` driven in-process over `lsp_server::Connection::memory()`:
//! diagnostics with related information, the workspace contradiction, quick
//! fixes, suppressions, hover, file events, and a panicking check. The
//! articles are written here; no test needs ../shared.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::Duration;

/// The server changes the current folder to its workspace: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

const OTHER: &str = "---\ntitle: Warehouse robotics\npublish_date: 2024-03-02\n---\nOrders for warehouse robots grew 41% in 2023, according to the trade group.\n";

const OPEN: &str = "---\ntitle: Automation notes\npublish_date: 2024-05-01\ncreated_date: 2024-09-10\n---\nThe team called the rollout a succÃ¨s across every site.\n";

const CONTRADICTION: &str = "\nOrders for warehouse robots grew 12% in 2023.\n";

struct Client {
    conn: Connection,
    server: Option<JoinHandle<()>>,
    next_id: i32,
    root: PathBuf,
}

impl Client {
    fn start(root: &Path, options: copydesk::server::Options, init: Value) -> Client {
        Client::start_with(root, options, init, json!({}))
    }

    fn start_with(
        root: &Path,
        options: copydesk::server::Options,
        init: Value,
        capabilities: Value,
    ) -> Client {
        let (server_side, client_side) = Connection::memory();
        let server = std::thread::spawn(move || {
            copydesk::server::serve(server_side, options).expect("server ran");
        });
        let mut client = Client {
            conn: client_side,
            server: Some(server),
            next_id: 0,
            root: root.to_path_buf(),
        };
        let uri = url(root);
        client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri,
                "workspaceFolders": [{"uri": uri, "name": "ws"}],
                "capabilities": capabilities,
                "initializationOptions": init,
            }),
        );
        client.notify("initialized", json!({}));
        client
    }

    fn uri(&self, name: &str) -> String {
        url(&self.root.join(name))
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.into(), params);
        self.conn.sender.send(n.into()).unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let r = Request::new(id.clone(), method.into(), params);
        self.conn.sender.send(r.into()).unwrap();
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => {
                    assert!(r.error.is_none(), "{method}: {:?}", r.error);
                    return r.result.unwrap_or(Value::Null);
                }
                _ => continue,
            }
        }
    }

    fn recv(&self) -> Message {
        self.conn
            .receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers within a minute")
    }

    /// The next diagnostics published for `name`.
    fn diagnostics(&self, name: &str) -> Vec<Value> {
        let uri = self.uri(name);
        loop {
            if let Message::Notification(n) = self.recv()
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
            {
                return n.params["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    /// Writes `text` to `name` in the workspace and tells the server, as an
    /// editor's file watcher would (`kind` 1: created, 2: changed).
    fn write_on_disk(&self, name: &str, text: &str, kind: u8) {
        std::fs::write(self.root.join(name), text).unwrap();
        self.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": self.uri(name), "type": kind}]}),
        );
    }

    fn open(&self, name: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": self.uri(name), "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    fn change(&self, name: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": self.uri(name), "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap();
    }
}

fn url(path: &Path) -> String {
    lsp_types::Url::from_file_path(path).unwrap().to_string()
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("other.md"), OTHER).unwrap();
    std::fs::write(dir.path().join("open.md"), OPEN).unwrap();
    dir
}

fn options() -> copydesk::server::Options {
    copydesk::server::Options {
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
        no_cache: true,
        panic_marker: Some("PANIC-IN-CHECK".into()),
        ..Default::default()
    }
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn find<'d>(diagnostics: &'d [Value], code: &str) -> &'d Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
}

/// Applies LSP text edits (all on one line each, ASCII before them in
/// these tests) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| {
        let s = &e["range"]["start"];
        std::cmp::Reverse((s["line"].as_u64(), s["character"].as_u64()))
    });
    for e in edits {
        let (s, end) = (&e["range"]["start"], &e["range"]["end"]);
        let line = s["line"].as_u64().unwrap() as usize;
        assert_eq!(line as u64, end["line"].as_u64().unwrap());
        let chars: Vec<char> = lines[line].chars().collect();
        let (a, b) = (
            s["character"].as_u64().unwrap() as usize,
            end["character"].as_u64().unwrap() as usize,
        );
        let new: String = chars[..a].iter().collect::<String>()
            + e["newText"].as_str().unwrap()
            + &chars[b..].iter().collect::<String>();
        lines[line] = new;
    }
    lines.join("\n")
}

#[test]
fn diagnostics_fixes_contradictions_and_hover() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    let mut client = Client::start(dir.path(), options(), json!({}));
    client.open("open.md", OPEN);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order", "mojibake"], "{found:#?}");
    let date = find(&found, "date-order");
    assert_eq!(date["severity"], 1);
    assert_eq!(date["source"], "copydesk");
    assert_eq!(date["range"]["start"]["line"], 3);

    // The mojibake's quick fix is preferred and repairs the word.
    let mojibake = find(&found, "mojibake").clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": client.uri("open.md")}, "range": mojibake["range"], "context": {"diagnostics": [mojibake]}}),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a preferred quick fix");
    assert_eq!(fix["kind"], "quickfix");
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Disable `mojibake` on this line"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Disable `mojibake` in this file"),
        "{titles:?}"
    );
    let fix_all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll")
        .expect("a fix-all action");
    let whole = &fix_all["edit"]["changes"][client.uri("open.md")][0]["newText"];
    assert!(whole.as_str().unwrap().contains("succès"), "{whole}");
    let edits = fix["edit"]["changes"][client.uri("open.md")]
        .as_array()
        .unwrap();
    let fixed = apply(OPEN, edits);
    assert!(fixed.contains("succès"), "{fixed}");

    // Typing a contradicting sentence brings the other article's figure.
    let typed = format!("{fixed}{CONTRADICTION}");
    client.change("open.md", 2, &typed);
    let found = client.diagnostics("open.md");
    assert_eq!(
        codes(&found),
        ["date-order", "claim-value-mismatch"],
        "{found:#?}"
    );
    let conflict = find(&found, "claim-value-mismatch");
    assert_eq!(conflict["range"]["start"]["line"], 7);
    // Worded from this article, naming the other as `check` run from the
    // workspace names it.
    let message = conflict["message"].as_str().unwrap();
    assert!(
        message.starts_with("`12%` year-over-year in 2023 here contradicts `41%`"),
        "{message}"
    );
    assert!(message.contains("in `other.md`"), "{message}");
    let related = conflict["relatedInformation"].as_array().unwrap();
    let there = related
        .iter()
        .find(|r| r["location"]["uri"] == client.uri("other.md"))
        .expect("related information in the other article");
    assert_eq!(there["location"]["range"]["start"]["line"], 4);
    assert_eq!(there["location"]["range"]["start"]["character"], 33);

    // Hovering the figure says how it was read and what the other says.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": client.uri("open.md")}, "position": conflict["range"]["start"]}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("12%"), "{text}");
    assert!(text.contains("other.md"), "{text}");
    assert!(text.contains("41%"), "{text}");

    // The finding belongs to the other article (its primary place is
    // there): this one can withdraw its figure, not disable the rule.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": client.uri("open.md")}, "range": conflict["range"], "context": {"diagnostics": [conflict]}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Withdraw this line's figures from cross-article checks"],
        "{actions:#}"
    );
    let withdrawn = apply(
        &typed,
        actions[0]["edit"]["changes"][client.uri("open.md")]
            .as_array()
            .unwrap(),
    );
    client.change("open.md", 3, &withdrawn);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order"], "{withdrawn}\n{found:#?}");
    client.change("open.md", 4, &typed);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found).len(), 2, "{found:#?}");

    // The other article changes on disk: its figure is re-read.
    client.write_on_disk("other.md", &OTHER.replace("41%", "12%"), 2);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order"], "{found:#?}");
    client.shutdown();
}

#[test]
fn a_panicking_check_is_reported_and_the_server_goes_on() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    let client = Client::start(dir.path(), options(), json!({}));
    client.open("open.md", &format!("{OPEN}PANIC-IN-CHECK\n"));
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["internal-error"], "{found:#?}");
    client.change("open.md", 2, OPEN);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order", "mojibake"], "{found:#?}");
    client.shutdown();
}

#[test]
fn settings_turn_claims_off_and_lower_the_fail_level() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    let init = json!({"claims": false, "failLevel": "never"});
    let client = Client::start(dir.path(), options(), init);
    client.open("open.md", &format!("{OPEN}{CONTRADICTION}"));
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order", "mojibake"], "{found:#?}");
    // Nothing fails a check: errors show as warnings.
    assert!(found.iter().all(|d| d["severity"] == 2), "{found:#?}");
    client.shutdown();
}

#[test]
fn config_changes_are_picked_up() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    let client = Client::start(dir.path(), options(), json!({}));
    client.open("open.md", OPEN);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order", "mojibake"], "{found:#?}");
    client.write_on_disk("copydesk.yaml", "rules:\n  date-order: off\n", 1);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["mojibake"], "{found:#?}");
    client.shutdown();
}

#[test]
fn unsafe_fixes_related_places_and_disabling_a_line() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    let mut client = Client::start(dir.path(), options(), json!({}));
    // Both places of a duplicate key: the second one, and the first as
    // related information in the same article.
    client.open("dup.md", "---\ntitle: Tips\ntitle: Tricks\n---\nBody.\n");
    let found = client.diagnostics("dup.md");
    let dup = find(&found, "front-matter-duplicate-key");
    assert_eq!(dup["range"]["start"]["line"], 2);
    let related = dup["relatedInformation"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == client.uri("dup.md")
                && r["location"]["range"]["start"]["line"] == 1),
        "{related:#?}"
    );

    let text = "---\ntitle: Tips\npublish_date: 2024-02-01\nread_time: 8 mins\n---\nA short body of a few words, a succÃ¨s.\n";
    client.open("tips.md", text);
    let found = client.diagnostics("tips.md");
    assert!(codes(&found).contains(&"read-time-mismatch"), "{found:#?}");

    // An unsafe fix says so and is not preferred.
    let read_time = find(&found, "read-time-mismatch").clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": client.uri("tips.md")}, "range": read_time["range"], "context": {"diagnostics": [read_time]}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("unsafe"))
        .expect("the unsafe fix");
    assert!(fix["isPreferred"].is_null(), "{fix:#}");
    // In the front matter, only the whole file can be exempted.
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        !titles.contains(&"Disable `read-time-mismatch` on this line"),
        "{titles:?}"
    );
    let in_file = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable `read-time-mismatch` in this file")
        .expect("disable in this file");
    let exempted = apply(
        text,
        in_file["edit"]["changes"][client.uri("tips.md")]
            .as_array()
            .unwrap(),
    );
    assert!(
        exempted.contains("copydesk-disable: [read-time-mismatch]\n---"),
        "{exempted}"
    );

    client.change("tips.md", 2, &exempted);
    let found = client.diagnostics("tips.md");
    assert_eq!(codes(&found), ["mojibake"], "{exempted}\n{found:#?}");

    // Disabling the mojibake on its line silences it there.
    let mojibake = find(&found, "mojibake").clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": client.uri("tips.md")}, "range": mojibake["range"], "context": {"diagnostics": [mojibake]}}),
    );
    let on_line = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable `mojibake` on this line")
        .expect("disable on this line");
    let silenced = apply(
        &exempted,
        on_line["edit"]["changes"][client.uri("tips.md")]
            .as_array()
            .unwrap(),
    );
    client.change("tips.md", 3, &silenced);
    let found = client.diagnostics("tips.md");
    let codes = self::codes(&found);
    assert!(!codes.contains(&"mojibake"), "{silenced}\n{found:#?}");
    assert!(
        !codes.contains(&"read-time-mismatch"),
        "{silenced}\n{found:#?}"
    );
    assert!(codes.is_empty(), "{found:#?}");
    client.shutdown();
}

#[test]
fn a_broken_config_is_reported_and_the_default_rules_run_until_it_is_fixed() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    std::fs::write(
        dir.path().join("copydesk.yaml"),
        "rules:\n  no-such-rule: off\n",
    )
    .unwrap();
    let client = Client::start(dir.path(), options(), json!({}));
    client.open("open.md", OPEN);
    let found = client.diagnostics("open.md");
    assert_eq!(
        codes(&found),
        ["date-order", "mojibake", "config-error"],
        "{found:#?}"
    );
    let message = find(&found, "config-error")["message"].as_str().unwrap();
    assert!(message.contains("no-such-rule"), "{message}");
    client.write_on_disk("copydesk.yaml", "rules:\n  mojibake: off\n", 2);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order"], "{found:#?}");
    client.shutdown();
}

#[test]
fn a_new_article_on_disk_joins_the_index() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    std::fs::remove_file(dir.path().join("other.md")).unwrap();
    let client = Client::start(dir.path(), options(), json!({}));
    let text = format!("{OPEN}{CONTRADICTION}");
    client.open("open.md", &text);
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order", "mojibake"], "{found:#?}");
    client.write_on_disk("other.md", OTHER, 1);
    let found = client.diagnostics("open.md");
    assert_eq!(
        codes(&found),
        ["date-order", "mojibake", "claim-value-mismatch"],
        "{found:#?}"
    );
    client.shutdown();
}

#[test]
fn watchers_are_registered_and_settings_change_at_run_time() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    let capabilities =
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let client = Client::start_with(dir.path(), options(), json!({}), capabilities);
    let registration = loop {
        if let Message::Request(r) = client.recv() {
            break r;
        }
    };
    assert_eq!(registration.method, "client/registerCapability");
    let watchers = &registration.params["registrations"][0]["registerOptions"]["watchers"];
    assert!(
        watchers.to_string().contains("copydesk"),
        "{registration:?}"
    );
    client
        .conn
        .sender
        .send(lsp_server::Response::new_ok(registration.id, Value::Null).into())
        .unwrap();

    client.open("open.md", &format!("{OPEN}{CONTRADICTION}"));
    let found = client.diagnostics("open.md");
    assert!(
        codes(&found).contains(&"claim-value-mismatch"),
        "{found:#?}"
    );
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"claims": false, "failLevel": "warning"}}}),
    );
    let found = client.diagnostics("open.md");
    assert_eq!(codes(&found), ["date-order", "mojibake"], "{found:#?}");
    assert!(found.iter().all(|d| d["severity"] == 1), "{found:#?}");
    client.shutdown();
}

#[test]
fn the_index_comes_from_the_claims_cache_on_the_next_start() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = workspace();
    let cache = tempfile::tempdir().unwrap();
    let with_cache = || copydesk::server::Options {
        no_cache: false,
        cache_dir: Some(cache.path().to_path_buf()),
        ..options()
    };
    let text = format!("{OPEN}{CONTRADICTION}");
    for start in 0..2 {
        let client = Client::start(dir.path(), with_cache(), json!({}));
        client.open("open.md", &text);
        let found = client.diagnostics("open.md");
        assert!(
            codes(&found).contains(&"claim-value-mismatch"),
            "start {start}: {found:#?}"
        );
        client.shutdown();
        assert!(cache.path().read_dir().unwrap().next().is_some());
    }
}
