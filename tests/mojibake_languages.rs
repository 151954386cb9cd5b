//! Issue 14: the mojibake engine on text in ten languages, written for this test (Portuguese,
//! Spanish, French, German, Russian, Ukrainian, Bulgarian, Greek, Turkish, Polish).
//!
//! The damaged forms are made here the way they are made in the wild, by reading the UTF-8
//! bytes of a correct sentence through a single-byte code page (encoding_rs, which follows
//! WHATWG and so keeps the bytes a code page leaves undefined as C1 controls). Every repair
//! must give back the sentence exactly; every clean look-alike must come out byte for byte
//! as it went in, with nothing reported.

use std::borrow::Cow;

use copydesk::mojibake::{find, find_unrepairable, fix};
use encoding_rs::{
    Encoding, ISO_8859_2, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1253, WINDOWS_1254,
};

/// `text` as it reads after its UTF-8 bytes went through `encoding`.
fn garble(text: &str, encoding: &'static Encoding) -> String {
    let (out, had_errors) = encoding.decode_without_bom_handling(text.as_bytes());
    assert!(!had_errors, "{} cannot garble {text:?}", encoding.name());
    out.into_owned()
}

/// Correct sentences and the code page their mojibake goes through.
const SENTENCES: &[(&str, &str)] = &[
    // Portuguese
    (
        "windows-1252",
        "A reunião de amanhã começa às nove, não às dez.",
    ),
    (
        "windows-1252",
        "O orçamento da região cresceu três por cento — até agora.",
    ),
    (
        "windows-1252",
        "SÃO PAULO: a inflação caiu pela primeira vez este ano.",
    ),
    // Spanish
    (
        "windows-1252",
        "El niño pidió una canción más antes de dormir.",
    ),
    (
        "windows-1252",
        "¿Cuándo llegará el tren? ¡Nadie lo sabe aún!",
    ),
    (
        "windows-1252",
        "La compañía anunció “resultados sólidos” en el año fiscal.",
    ),
    // French
    (
        "windows-1252",
        "L’été dernier, nous sommes allés à Besançon.",
    ),
    (
        "windows-1252",
        "Le député a répondu : « Ce n’est pas à moi de décider. »",
    ),
    (
        "windows-1252",
        "Où est la bibliothèque ? Près de l’hôpital, je crois.",
    ),
    // German
    (
        "windows-1252",
        "Die Straße führt über die Brücke zum Rathaus.",
    ),
    (
        "windows-1252",
        "Größere Städte zahlen höhere Gebühren für Müll.",
    ),
    (
        "windows-1252",
        "„Wir schaffen das“, sagte die Bürgermeisterin.",
    ),
    // Russian
    ("windows-1251", "Мы встретились в Москве и пошли в кино."),
    ("windows-1251", "Я не знаю, что он сказал о новом законе."),
    (
        "windows-1251",
        "В этом году урожай был выше, чем в прошлом.",
    ),
    // Ukrainian
    ("windows-1251", "Я і мій брат живемо у Львові з дитинства."),
    (
        "windows-1251",
        "Їжак знайшов яблуко в саду й поніс його додому.",
    ),
    (
        "windows-1251",
        "Ця історія почалася в Києві, а закінчилася в Одесі.",
    ),
    // Bulgarian
    ("windows-1251", "Аз съм в София и ще остана до петък."),
    ("windows-1251", "Той каза, че ще дойде с нас на море."),
    ("windows-1251", "Щастието е в малките неща, а не в парите."),
    // Greek
    ("windows-1253", "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας."),
    (
        "windows-1253",
        "Το πρωί ο ήλιος ανέβηκε πάνω από τη θάλασσα.",
    ),
    (
        "windows-1253",
        "Οι μαθητές διάβασαν και έγραψαν πολύ σήμερα.",
    ),
    // Turkish
    ("windows-1252", "Türkçe öğrenmek için İstanbul’a gittim."),
    ("windows-1252", "Çiçekler açtı, kuşlar şarkı söylüyor."),
    ("windows-1254", "Ağaçların altında oturup çay içtik."),
    // Polish
    ("windows-1252", "Zażółć gęślą jaźń, powiedział nauczyciel."),
    (
        "windows-1250",
        "Łódź leży w centrum Polski, niedaleko Warszawy.",
    ),
    ("iso-8859-2", "Wczoraj spotkałem się z żoną w kawiarni."),
];

fn encoding(label: &str) -> &'static Encoding {
    match label {
        "windows-1252" => WINDOWS_1252,
        "windows-1251" => WINDOWS_1251,
        "windows-1250" => WINDOWS_1250,
        "windows-1253" => WINDOWS_1253,
        "windows-1254" => WINDOWS_1254,
        "iso-8859-2" => ISO_8859_2,
        _ => panic!("unknown code page {label}"),
    }
}

#[test]
fn sentences_through_one_code_page_are_repaired() {
    let mut failures = Vec::new();
    for &(label, sentence) in SENTENCES {
        let garbled = garble(sentence, encoding(label));
        assert_ne!(garbled, sentence);
        let got = fix(&garbled);
        if got != sentence {
            failures.push(format!(
                "{label}: {garbled:?}\n  got  {got:?}\n  want {sentence:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sentences_through_windows_1252_twice_are_repaired() {
    for &(label, sentence) in SENTENCES.iter().filter(|(l, _)| *l == "windows-1252") {
        let twice = garble(&garble(sentence, encoding(label)), WINDOWS_1252);
        assert_eq!(fix(&twice), sentence, "{twice:?}");
    }
}

#[test]
fn sentences_are_clean_as_they_are() {
    for &(_, sentence) in SENTENCES {
        assert!(matches!(fix(sentence), Cow::Borrowed(_)), "{sentence}");
        assert!(find_unrepairable(sentence).is_empty(), "{sentence}");
    }
}

/// Correct text that a naive detector takes for mojibake: a capital that ends a word in
/// capitals, then `…`, `”`, `“` or `•` (the capital is a lead byte and the mark a
/// continuation byte in windows-1252), and other lead-then-continuation pairs.
const CLEAN_LOOK_ALIKES: &[&str] = &[
    // Portuguese headlines
    "E AMANHÃ…",
    "O QUE VEM DEPOIS DE AMANHÃ…?",
    "“VOCÊ” VAI GOSTAR • NOVA SÉRIE",
    "A FESTA DO IRMÃ• PROGRAMAÇÃO",
    "SEM PÃO NEM CAFÉ… SÓ AMANHÔ",
    "CORAÇÃO”, DISSE ELA",
    // Spanish
    "LA CANCIÓN… DEL VERANO",
    "¿Y EL CAMIÓN”? NADIE LO VIO",
    "ÚLTIMA HORA • ELECCIÓN“ EN MADRID",
    "ASÍ• ES LA VIDA",
    // French
    "LA FORÊT… ET LA MER",
    "« L’ÉTÉ » ET “L’HIVER” • ÇA VA ?",
    "CAFÉ• THÉ… CRÊPE”",
    // German
    "GRÖSSE… ÜBER“ STRASSE",
    "Maße – „schön“ • Öl…",
    // Russian
    "Он спросил: «Анна»? И ушёл.",
    "ВНИМАНИЕ… ПРОВЕРКА” СВЯЗИ",
    "Что это — «правда»?",
    // Ukrainian
    "ЇЖАК… ҐАНОК” • ЄВРОПА",
    "Київ, Львів — «Україна»!",
    // Bulgarian
    "ЩАСТИЕ… ЖИВОТ” • СОФИЯ",
    // Greek
    "ΑΘΗΝΑ… ΕΛΛΑΔΑ” • ΚΡΗΤΗ",
    "«Καλημέρα», είπε — και έφυγε…",
    // Turkish
    "İSTANBUL’DA ÇAĞ… ŞİŞLİ” VE GÜÇ•",
    "Ağaç, çiçek, kuş — şarkı…",
    // Polish
    "ŹRÓDŁO… „ŻÓŁW” • ŁÓDŹ",
    "Zażółć gęślą jaźń — „cytat”…",
    // Lead-like capitals as letters or symbols
    "Ã is the Portuguese A with a tilde; Ð is the Icelandic eth.",
    "ÞÓRÐUR” ÓLAFSSON…",
];

#[test]
fn clean_look_alikes_stay_byte_for_byte() {
    for &text in CLEAN_LOOK_ALIKES {
        assert!(
            matches!(fix(text), Cow::Borrowed(_)),
            "{text:?} became {:?}",
            fix(text)
        );
        assert!(find(text).is_empty(), "{text:?}");
        assert!(find_unrepairable(text).is_empty(), "{text:?}");
    }
    // Together in one document, too: one line must not lend evidence to another.
    let all = CLEAN_LOOK_ALIKES.join("\n");
    assert!(matches!(fix(&all), Cow::Borrowed(_)));
}

#[test]
fn capitals_before_punctuation_in_a_line_of_mojibake_are_repaired() {
    // Once the line shows windows-1252 mojibake, a correct `Ô` would have been garbled too.
    let sentence = "A avó disse: “É AMANHÔ, e a família concordou.";
    let garbled = garble(sentence, WINDOWS_1252);
    assert_eq!(fix(&garbled), sentence);
}

#[test]
fn short_cyrillic_words_follow_their_line() {
    for sentence in [
        "В Москве и в Киеве идёт снег.",
        "Я і ти — у школі з ранку.",
        "А с нас ще е в къщи.",
        "О, я и не знал.",
    ] {
        let garbled = garble(sentence, WINDOWS_1251);
        assert_eq!(fix(&garbled), sentence, "{garbled:?}");
    }
}

#[test]
fn lost_bytes_leave_one_u_fffd() {
    // The garbled sentence with its byte after `at` (a continuation byte) lost to U+FFFD.
    let lose = |sentence: &str, enc: &'static Encoding, at: &str| -> String {
        let garbled = garble(sentence, enc);
        let i = garbled.find(at).expect("marker") + at.len();
        let lost = garbled[i..].chars().next().expect("a character to lose");
        format!(
            "{}\u{fffd}{}",
            &garbled[..i],
            &garbled[i + lost.len_utf8()..]
        )
    };
    // Portuguese `ã` is C3 A3: with A3 lost, `Ã�` could be any of several letters.
    let text = lose("A canção de amanhã.", WINDOWS_1252, "amanhÃ");
    assert_eq!(fix(&text), "A canção de amanh\u{fffd}.");
    // Russian: `с` is D1 81, and 0x81 is a hole of windows-1252.
    let text = garble("Русский язык", WINDOWS_1252).replace('\u{81}', "\u{fffd}");
    assert_eq!(fix(&text), "Ру\u{fffd}\u{fffd}кий язык");
    // Bulgarian through windows-1251: only 0x98 is undefined, so `Р�` can only be `И`.
    let text = garble("Иван и Мария", WINDOWS_1251).replace('\u{98}', "\u{fffd}");
    assert_eq!(fix(&text), "Иван и Мария");
    // A closing quote whose last byte was lost, after an opening quote: `”`.
    let text = garble("Ela disse “não” e saiu.", WINDOWS_1252).replace('\u{9d}', "\u{fffd}");
    assert_eq!(fix(&text), "Ela disse “não” e saiu.");
    // Without an opening quote, the lost character stays lost.
    let text = garble("Koniec” i tyle.", WINDOWS_1252).replace('\u{9d}', "\u{fffd}");
    assert_eq!(fix(&text), "Koniec\u{fffd} i tyle.");
    assert!(find_unrepairable(&text).is_empty());
}
