//! Years, seasons and parts of a year: the YEARS table.

use crate::Case;

/// Years, seasons and parts of a year.
pub(crate) const YEARS: &[Case] = &[
    Case {
        text: "انهار الاتحاد السوفيتي عام 1991 وتفككت جمهورياته إلى دول مستقلة.",
        published: None,
        expected: &[("1991", None)],
    },
    Case {
        text: "سجلت صادرات الغاز القطرية رقمًا قياسيًا في العام 2023 بحسب وزارة الطاقة.",
        published: None,
        expected: &[("2023", None)],
    },
    Case {
        text: "تأسست الجمعية سنة 2010 في مدينة صفاقس بمبادرة من عدد من المحامين.",
        published: None,
        expected: &[("2010", None)],
    },
    Case {
        text: "سيطر تنظيم داعش على مدينة الموصل عام 2014م قبل أن تستعيدها القوات العراقية.",
        published: None,
        expected: &[("2014", None)],
    },
    Case {
        text: "يعود تأسيس النادي إلى 1927 ميلادي وفق سجلات الاتحاد المحلي لكرة القدم.",
        published: None,
        expected: &[("1927", None)],
    },
    Case {
        text: "غزت الولايات المتحدة العراق عام ٢٠٠٣ بذريعة امتلاكه أسلحة دمار شامل.",
        published: None,
        expected: &[("2003", None)],
    },
    Case {
        text: "انطلقت الاحتجاجات في العراق سنة ۲۰۱۹ وأطاحت بحكومة عادل عبد المهدي.",
        published: None,
        expected: &[("2019", None)],
    },
    Case {
        text: "احتلت إسرائيل الضفة الغربية عام 1967 بعد نحو عقدين من قيامها عام 1948.",
        published: None,
        expected: &[("1948", None), ("1967", None)],
    },
    Case {
        // "لسنة" carries the clitic ل; the law's number is not a year.
        text: "صدر القانون رقم 94 لسنة 2015 بشأن مكافحة الإرهاب في مصر.",
        published: None,
        expected: &[("2015", None)],
    },
    // Bare years after a temporal preposition.
    Case {
        text: "في 2019 أطلقت الحكومة المغربية برنامجًا لدعم المقاولين الشباب.",
        published: None,
        expected: &[("2019", None)],
    },
    Case {
        text: "منذ 2011 لم تشهد ليبيا انتخابات رئاسية رغم الوعود المتكررة.",
        published: None,
        expected: &[("2011", None)],
    },
    Case {
        text: "ستبقى القوات الأجنبية في البلاد حتى 2025 على الأقل وفق الاتفاق الأمني.",
        published: None,
        expected: &[("2025", None)],
    },
    Case {
        text: "كانت تونس قبل 2011 تعيش تحت حكم الحزب الواحد.",
        published: None,
        expected: &[("2011", None)],
    },
    Case {
        text: "بعد 2003 تغيّر النظام السياسي في العراق تغيرًا جذريًا.",
        published: None,
        expected: &[("2003", None)],
    },
    Case {
        text: "خلال 2022 ارتفعت أسعار المواد الغذائية في مصر بشكل غير مسبوق.",
        published: None,
        expected: &[("2022", None)],
    },
    Case {
        text: "تسعى الإمارات إلى تحقيق الحياد المناخي بحلول 2050 وفق استراتيجيتها الوطنية.",
        published: None,
        expected: &[("2050", None)],
    },
    // Bare years before punctuation, a closing quote or bracket, or the end of the text.
    Case {
        text: "حقق المنتخب المغربي إنجازًا تاريخيًا ببلوغه نصف نهائي كأس العالم 2022.",
        published: None,
        expected: &[("2022", None)],
    },
    Case {
        text: "أكد الوزير أن المشاريع الجديدة تندرج ضمن «رؤية 2030» وتستهدف تنويع الاقتصاد.",
        published: None,
        expected: &[("2030", None)],
    },
    Case {
        text: "عُرض الفيلم الوثائقي «الكهف» (2019) في افتتاح المهرجان بمدينة الجونة.",
        published: None,
        expected: &[("2019", None)],
    },
    Case {
        text: "أُقر الدستور التونسي الجديد باستفتاء شعبي في ٢٠٢٢.",
        published: None,
        expected: &[("2022", None)],
    },
    Case {
        text: "لا تزال نسبة المشاركة في أدنى مستوياتها منذ انتخابات 2018",
        published: None,
        expected: &[("2018", None)],
    },
    // Seasons and parts of a year give the year; parts of a month give the month.
    Case {
        text: "تراجعت أعداد السياح في شرم الشيخ خلال خريف 2020 بسبب الجائحة.",
        published: None,
        expected: &[("2020", None)],
    },
    Case {
        text: "شهدت الجزائر موجة حر غير مسبوقة صيف عام 2019 تجاوزت فيها الحرارة خمسين درجة.",
        published: None,
        expected: &[("2019", None)],
    },
    Case {
        text: "عانى النازحون في مخيمات الشمال السوري من ظروف قاسية في شتاء 2023 مع تساقط الثلوج.",
        published: None,
        expected: &[("2023", None)],
    },
    Case {
        text: "تعتزم وزارة المالية الكويتية طرح السندات الجديدة مطلع عام 2024.",
        published: None,
        expected: &[("2024", None)],
    },
    Case {
        text: "أنهت الشركة أعمال توسعة الميناء نهاية العام 2021 متأخرة عن الجدول الزمني.",
        published: None,
        expected: &[("2021", None)],
    },
    Case {
        text: "فقد الجنيه المصري جزءًا كبيرًا من قيمته منذ منتصف عام 2022.",
        published: None,
        expected: &[("2022", None)],
    },
    Case {
        text: "مع بداية عام 2020 بدأ فيروس كورونا بالانتشار في دول المنطقة.",
        published: None,
        expected: &[("2020", None)],
    },
    Case {
        text: "أواخر مايو 2023 أعلن طرفا النزاع في السودان تمديد الهدنة القصيرة.",
        published: None,
        expected: &[("2023-05", None)],
    },
    Case {
        text: "بدأت أسعار الشحن البحري بالتراجع منذ منتصف يونيو 2022 وفق تقرير للغرفة التجارية.",
        published: None,
        expected: &[("2022-06", None)],
    },
    // Years naming an edition of an event or plan (added with the event-words rule).
    Case {
        text: "يستعد المنتخب للمشاركة في مونديال الأندية 2025 بقائمة موسعة.",
        published: None,
        expected: &[("2025", None)],
    },
    Case {
        text: "تهدف رؤية 2030 إلى تنويع مصادر الدخل بعيدًا عن النفط.",
        published: None,
        expected: &[("2030", None)],
    },
    Case {
        text: "أرسلت الوزارة 2030 طبيبًا إلى المناطق النائية.",
        published: None,
        expected: &[],
    },
];
