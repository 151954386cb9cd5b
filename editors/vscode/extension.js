// Starts `copydesk server` for Markdown files and passes the settings as
// initialization options; everything else is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("copydesk");
  const serverOptions = { command: config.get("path"), args: ["server"] };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "markdown" }],
    initializationOptions: {
      failLevel: config.get("failLevel"),
      claims: config.get("claims"),
    },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.md,*.markdown,*.mdx,*.txt,copydesk.yaml,.copydesk.yaml,facts.yaml}"),
    },
  };
  client = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
