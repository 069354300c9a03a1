#![allow(clippy::single_range_in_vec_init)]
use super::*;
use crate::extract::entities::lexicon::Lexicon;

/// A small lexicon written for these tests, independent of the shipped data.
fn lexicon() -> Lexicon {
    let mut l = Lexicon::default();
    l.add_gazetteer(
        "روسيا\tplace\tروسيا|روسيه|Russia\tt\t\n\
         باكو\tplace\tباكو\tt\t\n\
         ناغورنو كاراباخ\tplace\tناغورنو كاراباخ|ناغورني قره باغ|قره باغ|قرة باغ|كاراباخ\tt\t\n\
         الكرملين\torg\tالكرملين|Kremlin\tt\t\n\
         تاس\torg\tتاس|TASS\tt\t\n\
         عمّان\tplace\tعمان\tt\tambiguous\n\
         سلطنة عمان\tplace\tسلطنة عمان|عمان\tt\tambiguous\n",
    );
    l.add_test_cues(
        &[
            "محمد",
            "فلاديمير",
            "ماريا",
            "جيهون",
            "ديمتري",
            "دميتري",
            "ميخائيل",
        ],
        &["الرئيس", "وزير الخارجية", "المتحدث باسم", "رئيس الوزراء"],
        &["قال", "تابع", "اكد"],
        &["ان", "الروسي", "الاذربيجاني"],
        &["وف", "يان", "ييف"],
        &["وزاره", "وكاله", "منظمه"],
        &[("الخارجيه", "وزارة الخارجية")],
        &["مدينه", "قريه", "منطقه", "جمهوريه", "محافظه"],
        &[
            ("روسي", "روسيا"),
            ("روسيه", "روسيا"),
            ("اذربيجاني", "أذربيجان"),
            ("اذربيجانيه", "أذربيجان"),
            ("ارمن", "أرمينيا"),
            ("ارمينيه", "أرمينيا"),
        ],
    );
    l
}

fn found(text: &str) -> Vec<(String, Kind)> {
    let l = lexicon();
    let r = Recognizer::new(&l);
    r.mentions(text, &[0..text.len()], &KnownPeople::default())
        .into_iter()
        .map(|m| (text[m.range].to_owned(), m.kind))
        .collect()
}

#[test]
fn gazetteer_longest_match_with_clitics() {
    assert_eq!(
        found("وصل إلى باكو وروسيا"),
        [("باكو".into(), Kind::Place), ("روسيا".into(), Kind::Place)]
    );
    assert_eq!(
        found("في ناغورني قره باغ"),
        [("ناغورني قره باغ".into(), Kind::Place)]
    );
    assert_eq!(found("أعلن الكرملين"), [("الكرملين".into(), Kind::Org)]);
}

#[test]
fn ambiguous_aliases_need_a_head_noun() {
    assert!(found("عمان الخير").is_empty());
    assert_eq!(found("في مدينة عمان").len(), 1);
}

#[test]
fn title_then_name() {
    assert_eq!(
        found("وصل الرئيس الروسي فلاديمير بوتين إلى"),
        [("فلاديمير بوتين".into(), Kind::Person)]
    );
    assert_eq!(
        found("قال وزير الخارجية، أرارات ميرزويان، إن"),
        [("أرارات ميرزويان".into(), Kind::Person)]
    );
    // A verb after the title is not a name.
    assert!(found("الرئيس الروسي يصل إلى المدينة").is_empty());
    // A single unknown word after a title is not enough.
    assert!(found("قال الرئيس حسنا").is_empty());
}

#[test]
fn first_names_and_surname_shapes() {
    assert_eq!(
        found("وقالت ماريا زاخاروفا"),
        [("ماريا زاخاروفا".into(), Kind::Person)]
    );
    assert_eq!(
        found("وتابع ميرزويان: نعم"),
        [("ميرزويان".into(), Kind::Person)]
    );
    // A speech verb before an ordinary word finds nothing.
    assert!(found("وقال مسؤول كبير").is_empty());
    // A conjunction starts the next name.
    let f = found("محمد سالم وجيهون بيراموف");
    assert_eq!(f.len(), 2, "{f:?}");
}

#[test]
fn organisations_by_head_noun_bare_head_and_agency() {
    assert_eq!(
        found("وقالت وزارة الدفاع الأذربيجانية في بيان"),
        [("وزارة الدفاع الأذربيجانية".into(), Kind::Org)]
    );
    assert_eq!(
        found("وقالت الخارجية الروسية اليوم"),
        [("الخارجية الروسية".into(), Kind::Org)]
    );
    assert_eq!(
        found("ونقلت وكالة أنباء أزيرتاك الرسمية"),
        [("أزيرتاك".into(), Kind::Org)]
    );
    assert_eq!(
        found("لوكالة إنترفاكس للأنباء"),
        [("إنترفاكس".into(), Kind::Org)]
    );
    let apa = found("وذكرت وكالة الأنباء الأذربيجانية (APA) أن");
    assert_eq!(apa.len(), 2, "{apa:?}");
    // A demonym alone is not a mention.
    assert!(found("القوات الروسية والأرمن").is_empty());
}

#[test]
fn propagation_of_surnames() {
    let l = lexicon();
    let r = Recognizer::new(&l);
    let a = "قال رئيس الوزراء نيكول باشينيان إن";
    let first = r.mentions(a, &[0..a.len()], &KnownPeople::default());
    let mut known = KnownPeople::default();
    known.learn(&first, |m| a[m.range.clone()].to_owned());
    let b = "وأكد باشينيان ذلك، وقال لباشينيان";
    let m = r.mentions(b, &[0..b.len()], &known);
    assert_eq!(m.len(), 2);
    assert!(m.iter().all(|x| x.key == first[0].key));
    assert_eq!(&b[m[1].range.clone()], "باشينيان");
}

#[test]
fn variants_merge_but_different_people_do_not() {
    let l = lexicon();
    let r = Recognizer::new(&l);
    let key = |t: &str| {
        r.mentions(t, &[0..t.len()], &KnownPeople::default())[0]
            .key
            .clone()
    };
    assert_eq!(
        key("المتحدث باسم الكرملين ديمتري بيسكوف"),
        key("المتحدث باسم الكرملين دميتري بيسكوف")
    );
    assert_ne!(
        key("الرئيس الروسي فلاديمير بوتين"),
        key("الرئيس الروسي فلاديمير جالوزين")
    );
    // Two people sharing a surname: the surname alone is attributed to neither.
    let text = "قال محمد علييف وقال إلهام علييف";
    let mut known = KnownPeople::default();
    let ms = vec![
        Mention {
            range: 0..0,
            kind: Kind::Person,
            key: "p:a".into(),
            name: String::new(),
            confidence: 700,
        },
        Mention {
            range: 0..0,
            kind: Kind::Person,
            key: "p:b".into(),
            name: String::new(),
            confidence: 700,
        },
    ];
    let names = ["محمد علييف", "إلهام علييف"];
    let mut i = 0;
    known.learn(&ms, |_| {
        i += 1;
        names[i - 1].to_owned()
    });
    assert_eq!(known.key_for("علييف"), None, "{text}");
}

#[test]
fn places_by_head_noun() {
    // Unknown names after a head noun; the head is kept in the name, not in the mention.
    assert!(
        found("في قرية صغيرة").is_empty(),
        "an adjective is not a name"
    );
    assert_eq!(
        found("نظمت احتجاجات في محافظة تافوش أمس"),
        [("تافوش".into(), Kind::Place)]
    );
    // A state's name takes its head and adjectives.
    assert_eq!(
        found("كانت جزءا من جمهورية أرتساخ الاشتراكية السابقة"),
        [("جمهورية أرتساخ الاشتراكية".into(), Kind::Place)]
    );
    // A known place after a head is that place.
    assert_eq!(
        found("في منطقة قره باغ الجبلية"),
        [("قره باغ".into(), Kind::Place)]
    );
    // Participles and adjectives after a head are not names.
    assert!(found("وهي منطقة معترف بها دوليا").is_empty());
    assert!(found("في منطقة واسعة").is_empty());
}

#[test]
fn unknown_name_with_a_feminine_demonym_is_a_place() {
    assert_eq!(
        found("قرب بلدة وباغانيس الأرمينية"),
        [("باغانيس".into(), Kind::Place)]
    );
    // A person's name does not take this path, nor does a common masculine adjective.
    assert!(
        found("وصل ماريا الروسية")
            .iter()
            .all(|f| f.1 != Kind::Place)
    );
    assert!(found("الجيش الروسي").is_empty());
}

#[test]
fn tweet_attribution_lines() {
    assert_eq!(
        found("— Robert Ananyan (@robananyan) September 29, 2023"),
        [("Robert Ananyan".into(), Kind::Person)]
    );
    assert_eq!(found("— TASS (@tass) May 1, 2024")[0].1, Kind::Org);
}
