//! Table-driven checks of `khabar_core::extract::dates::find_dates` on short Arabic news sentences.
//!
//! Each case is a sentence (or a few), an optional publication date and the exact set of
//! `(value, until)` pairs the extractor must return. The tables cover:
//!
//! * Gregorian month names in the Egyptian/Gulf, Levantine and Maghrebi traditions, paired
//!   forms ("حزيران/يونيو"), the optional "من", and English months inside Arabic text;
//! * numeric dates in Western, Arabic-Indic and Persian digits, day-first unless only
//!   month-first is valid, and invalid dates that must give nothing;
//! * years ("عام 1991", "2020 ميلادي", bare years after a temporal preposition or before
//!   punctuation), seasons and "مطلع/أواخر/منتصف" periods;
//! * ranges of days, months and years (`until` set), and separate dates;
//! * Hijri dates (Umm al-Qura), alone and next to their Gregorian equivalent;
//! * expressions relative to the publication date, which give nothing without one;
//! * negatives: counts, references, prices, clock times, durations, ages, names that look
//!   like months, and year-less dates without a publication date.
//!
//! Besides the values, every mention's range must be non-empty, on char boundaries and
//! disjoint from the others. Each table runs as one test that reports all of its failures.

use std::collections::BTreeSet;

use khabar_core::extract::dates::{DateMention, find_dates};

type Pair = (&'static str, Option<&'static str>);

struct Case {
    text: &'static str,
    published: Option<&'static str>,
    expected: &'static [Pair],
}

/// Gregorian month names: Egyptian/Gulf, Levantine and Maghrebi, paired forms, English.
/// Weekdays written next to a date were checked with Python's `datetime`.
const MONTH_NAMES: &[Case] = &[
    // Egypt and the Gulf.
    Case {
        text: "أعلن البنك المركزي المصري، يوم الخميس 1 فبراير 2024، تثبيت أسعار الفائدة الأساسية.",
        published: None,
        expected: &[("2024-02-01", None)],
    },
    Case {
        text: "افتُتح المتحف المصري الكبير رسميًا يوم السبت 1 نوفمبر 2025 بحضور عدد من قادة العالم.",
        published: None,
        expected: &[("2025-11-01", None)],
    },
    Case {
        text: "قررت لجنة السياسة النقدية في اجتماعها يوم الخميس 20 يونيه 2024 الإبقاء على أسعار العائد دون تغيير.",
        published: None,
        expected: &[("2024-06-20", None)],
    },
    Case {
        text: "صدر القرار الجمهوري في 3 يوليه 2023 بتعيين محافظ جديد لبورسعيد.",
        published: None,
        expected: &[("2023-07-03", None)],
    },
    Case {
        text: "تبدأ امتحانات الشهادة الإعدادية في القاهرة يوم السبت 27 إبريل 2024.",
        published: None,
        expected: &[("2024-04-27", None)],
    },
    Case {
        text: "أغلقت البورصة المصرية تعاملات 8 ابريل 2024 على ارتفاع جماعي لمؤشراتها.",
        published: None,
        expected: &[("2024-04-08", None)],
    },
    Case {
        text: "سجلت محطة رصد أسوان أعلى درجة حرارة لها في 12 اغسطس 2023 وفق هيئة الأرصاد.",
        published: None,
        expected: &[("2023-08-12", None)],
    },
    Case {
        text: "أطلقت الهيئة العامة للطيران المدني في الكويت منصتها الرقمية الجديدة في 5 مارس 2024.",
        published: None,
        expected: &[("2024-03-05", None)],
    },
    Case {
        text: "وقّع الجانبان السعودي والصيني مذكرة التفاهم في الرياض بتاريخ 14 ديسمبر 2022م.",
        published: None,
        expected: &[("2022-12-14", None)],
    },
    Case {
        text: "أعلنت وزارة الداخلية القطرية أن التسجيل في الخدمة يبدأ في 9 من سبتمبر 2024.",
        published: None,
        expected: &[("2024-09-09", None)],
    },
    Case {
        text: "ارتفع معدل التضخم السنوي في السعودية إلى 1.6% في يناير 2024 بحسب الهيئة العامة للإحصاء.",
        published: None,
        expected: &[("2024-01", None)],
    },
    Case {
        text: "منذ أكتوبر 2023 يعيش أكثر من مليوني فلسطيني في قطاع غزة تحت القصف.",
        published: None,
        expected: &[("2023-10", None)],
    },
    Case {
        text: "زار البابا فرنسيس العراق في مارس 2021 في أول زيارة بابوية إلى البلاد.",
        published: None,
        expected: &[("2021-03", None)],
    },
    Case {
        text: "يبدأ التقديم للمنح الدراسية في 05 يناير 2025 عبر المنصة الإلكترونية للوزارة.",
        published: None,
        expected: &[("2025-01-05", None)],
    },
    Case {
        // A publication date does not change a fully written date.
        text: "أعادت السلطات المصرية فتح معبر رفح في 2 فبراير 2023 بعد إغلاق استمر أسبوعًا.",
        published: Some("2024-06-05"),
        expected: &[("2023-02-02", None)],
    },
    // The Levant and Iraq.
    Case {
        text: "عقد مجلس النواب اللبناني جلسته في 9 كانون الثاني 2025 وانتخب قائد الجيش رئيسًا للجمهورية.",
        published: None,
        expected: &[("2025-01-09", None)],
    },
    Case {
        text: "ضرب زلزال مدمر جنوب تركيا وشمال سوريا فجر الاثنين 6 شباط 2023.",
        published: None,
        expected: &[("2023-02-06", None)],
    },
    Case {
        text: "خرجت أولى التظاهرات في درعا يوم 18 آذار 2011 مطالبة بالإفراج عن المعتقلين.",
        published: None,
        expected: &[("2011-03-18", None)],
    },
    Case {
        text: "صدر المرسوم في 30 نيسان 2024 ونُشر في الجريدة الرسمية السورية.",
        published: None,
        expected: &[("2024-04-30", None)],
    },
    Case {
        text: "تراجعت الليرة اللبنانية إلى مستوى قياسي في نيسان 2023 أمام الدولار.",
        published: None,
        expected: &[("2023-04", None)],
    },
    Case {
        text: "جرت الانتخابات النيابية اللبنانية في 15 أيار 2022 وسط نسبة اقتراع متدنية.",
        published: None,
        expected: &[("2022-05-15", None)],
    },
    Case {
        text: "أقر مجلس الأعيان الأردني مشروع القانون في جلسته المنعقدة في 2 حزيران 2024.",
        published: None,
        expected: &[("2024-06-02", None)],
    },
    Case {
        text: "سجلت العاصمة الأردنية عمّان في 14 تموز 2023 أعلى درجة حرارة منذ عقود.",
        published: None,
        expected: &[("2023-07-14", None)],
    },
    Case {
        text: "اندلعت حرب تموز 2006 بين إسرائيل وحزب الله ودامت أكثر من شهر.",
        published: None,
        expected: &[("2006-07", None)],
    },
    Case {
        text: "هز انفجار ضخم مرفأ بيروت مساء 4 آب 2020 وأودى بحياة أكثر من مئتي شخص.",
        published: None,
        expected: &[("2020-08-04", None)],
    },
    Case {
        text: "قالت وزارة التربية السورية إن الدوام المدرسي يبدأ في 1 أيلول 2024 في جميع المحافظات.",
        published: None,
        expected: &[("2024-09-01", None)],
    },
    Case {
        text: "اندلعت الاحتجاجات الشعبية في لبنان في 17 تشرين الأول 2019 إثر فرض ضريبة على المكالمات.",
        published: None,
        expected: &[("2019-10-17", None)],
    },
    Case {
        text: "أعلن الجهاز المركزي للإحصاء الفلسطيني في 29 تشرين الثاني 2023 أرقامًا جديدة عن الخسائر.",
        published: None,
        expected: &[("2023-11-29", None)],
    },
    Case {
        text: "سقط النظام السوري فجر الأحد 8 كانون الأول 2024 بعد هجوم خاطف لفصائل المعارضة.",
        published: None,
        expected: &[("2024-12-08", None)],
    },
    Case {
        text: "أُجريت انتخابات مجالس المحافظات في العراق يوم الاثنين 18 كانون الأول 2023.",
        published: None,
        expected: &[("2023-12-18", None)],
    },
    Case {
        text: "أعلنت وزارة الصحة العراقية في ١٥ مارس ٢٠٢٤ تسجيل إصابات جديدة بالكوليرا.",
        published: None,
        expected: &[("2024-03-15", None)],
    },
    Case {
        text: "تسلّمت بغداد الدفعة الأولى من الطائرات المسيّرة في ٢٢ تموز ٢٠٢٣.",
        published: None,
        expected: &[("2023-07-22", None)],
    },
    Case {
        text: "ذكرت وكالة الأنباء الإيرانية أن الاتفاق وُقّع في ۱۰ نوفمبر ۲۰۲۲ في طهران.",
        published: None,
        expected: &[("2022-11-10", None)],
    },
    // The Maghreb.
    Case {
        text: "جرت الدورة الثانية من الانتخابات التشريعية في تونس يوم 29 جانفي 2023.",
        published: None,
        expected: &[("2023-01-29", None)],
    },
    Case {
        text: "أعلنت وزارة التربية الوطنية الجزائرية أن امتحانات الفصل الثاني تنطلق يوم الأحد 23 فيفري 2025.",
        published: None,
        expected: &[("2025-02-23", None)],
    },
    Case {
        text: "أحيت تونس في 9 أفريل 2024 ذكرى عيد الشهداء بمواكب رسمية.",
        published: None,
        expected: &[("2024-04-09", None)],
    },
    Case {
        text: "صادق مجلس نواب الشعب على مشروع القانون في ماي 2023 بأغلبية مريحة.",
        published: None,
        expected: &[("2023-05", None)],
    },
    Case {
        text: "انعقد المجلس الحكومي بالرباط يوم الخميس 16 ماي 2024 برئاسة رئيس الحكومة.",
        published: None,
        expected: &[("2024-05-16", None)],
    },
    Case {
        text: "أُجريت الانتخابات الرئاسية الموريتانية في 29 جوان 2024 بمشاركة سبعة مترشحين.",
        published: None,
        expected: &[("2024-06-29", None)],
    },
    Case {
        text: "احتفلت الجزائر في 5 جويلية 2022 بالذكرى الستين لاسترجاع السيادة الوطنية.",
        published: None,
        expected: &[("2022-07-05", None)],
    },
    Case {
        text: "توقع الديوان الوطني للأرصاد الجوية أن تبلغ موجة الحر ذروتها يوم الاثنين 12 أوت 2024.",
        published: None,
        expected: &[("2024-08-12", None)],
    },
    Case {
        text: "عرفت منطقة القبائل حرائق مدمرة في أوت 2021 خلّفت عشرات الضحايا.",
        published: None,
        expected: &[("2021-08", None)],
    },
    Case {
        text: "ضرب زلزال عنيف إقليم الحوز بالمغرب ليلة 8 سبتمبر 2023.",
        published: None,
        expected: &[("2023-09-08", None)],
    },
    // Paired forms are one date.
    Case {
        text: "أعلنت الأونروا في 21 مايو/أيار 2024 تعليق توزيع المساعدات الغذائية في رفح.",
        published: None,
        expected: &[("2024-05-21", None)],
    },
    Case {
        text: "أفاد بيان صادر في 3 حزيران/يونيو 2024 بأن المفاوضات ستستأنف في الدوحة.",
        published: None,
        expected: &[("2024-06-03", None)],
    },
    Case {
        text: "أكدت الأمم المتحدة في 27 آب/أغسطس 2024 أن حملة التطعيم ضد شلل الأطفال ستبدأ في غزة.",
        published: None,
        expected: &[("2024-08-27", None)],
    },
    Case {
        text: "في 24 شباط (فبراير) 2022 بدأت روسيا عمليتها العسكرية في أوكرانيا.",
        published: None,
        expected: &[("2022-02-24", None)],
    },
    Case {
        text: "منذ تشرين الأول (أكتوبر) 2023 تتصاعد المواجهات على الحدود الجنوبية للبنان.",
        published: None,
        expected: &[("2023-10", None)],
    },
    Case {
        text: "استضافت مدينة شرم الشيخ قمة المناخ في نوفمبر/تشرين الثاني 2022.",
        published: None,
        expected: &[("2022-11", None)],
    },
    Case {
        text: "تعرضت مدينة درنة الليبية لفيضانات مدمرة في أيلول/سبتمبر 2023.",
        published: None,
        expected: &[("2023-09", None)],
    },
    // English months inside Arabic text.
    Case {
        text: "ونشرت الوكالة تقريرها باللغة الإنجليزية بتاريخ March 3, 2024 على موقعها الرسمي.",
        published: None,
        expected: &[("2024-03-03", None)],
    },
    Case {
        text: "وجاء في نص الرسالة المؤرخة 5th, June 2022 أن الشركة ستنسحب من السوق المحلية.",
        published: None,
        expected: &[("2022-06-05", None)],
    },
    Case {
        text: "وأشار البيان الصادر باللغة الإنجليزية في 12 February 2025 إلى استئناف الرحلات.",
        published: None,
        expected: &[("2025-02-12", None)],
    },
    Case {
        text: "وحمل الإعلان المنشور على موقع الشركة تاريخ Oct 7, 2023 في أسفل الصفحة.",
        published: None,
        expected: &[("2023-10-07", None)],
    },
    Case {
        text: "وصدر تقرير البنك الدولي عن اقتصادات المنطقة في November 2022 بنسخته الإنجليزية.",
        published: None,
        expected: &[("2022-11", None)],
    },
    // "غرة" is the first day; "شهري جويلية وأوت" names two months, the second one ambiguous.
    Case {
        text: "تمتد العطلة من غرة جانفي إلى 15 فيفري 2025 في كامل المؤسسات.",
        published: None,
        expected: &[("2025-01-01", Some("2025-02-15"))],
    },
    Case {
        text: "تبلغ الحركة السياحية ذروتها خلال شهري جويلية وأوت من كل عام.",
        published: Some("2024-05-02"),
        expected: &[("2024-07", None), ("2024-08", None)],
    },
    Case {
        text: "قال إن آب الأسرة هو من يقرر.",
        published: Some("2024-05-02"),
        expected: &[],
    },
];

/// Numeric dates: day-first unless only month-first is valid; three digit systems.
const NUMERIC: &[Case] = &[
    Case {
        text: "وقعت الحادثة بتاريخ 7-3-2024 على الطريق الصحراوي الغربي.",
        published: None,
        expected: &[("2024-03-07", None)],
    },
    Case {
        text: "نُشر الخبر على الموقع الرسمي للوزارة بتاريخ 2023-11-02.",
        published: None,
        expected: &[("2023-11-02", None)],
    },
    Case {
        text: "وحدد القرار الصادر في 3/9/2023 مهلة شهر لتسوية أوضاع العمالة الوافدة.",
        published: None,
        expected: &[("2023-09-03", None)],
    },
    Case {
        text: "وجاء في المحضر المؤرخ 21.12.2022 أن الجلسة عُقدت بحضور جميع الأعضاء.",
        published: None,
        expected: &[("2022-12-21", None)],
    },
    Case {
        text: "آخر تحديث: 2024-02-19@08:45:00 GMT",
        published: None,
        expected: &[("2024-02-19", None)],
    },
    Case {
        text: "آخر تحديث: 2024-09-30 14:20 بتوقيت الرياض",
        published: None,
        expected: &[("2024-09-30", None)],
    },
    Case {
        // Only month-first is valid.
        text: "وأفادت الوثيقة المسربة المؤرخة 10/25/2023 بأن الشحنة وصلت إلى الميناء.",
        published: None,
        expected: &[("2023-10-25", None)],
    },
    Case {
        text: "تنتهي مهلة تقديم الطعون في 12/12/2023 وفق الهيئة العليا للانتخابات.",
        published: None,
        expected: &[("2023-12-12", None)],
    },
    Case {
        text: "أعلنت الشركة عن بدء التشغيل التجريبي للخط في 01/06/2024.",
        published: None,
        expected: &[("2024-06-01", None)],
    },
    Case {
        text: "صدر الحكم بتاريخ 29/2/2024 بعد جلسات استمرت أشهرًا.",
        published: None,
        expected: &[("2024-02-29", None)],
    },
    Case {
        text: "قالت المحكمة في بيانها الصادر بتاريخ ٢٠/٣/٢٠٢٤ إن الجلسة أُرجئت.",
        published: None,
        expected: &[("2024-03-20", None)],
    },
    Case {
        text: "بغداد - ٢٠٢٤-٠١-١٥ - أعلنت وزارة النفط زيادة الصادرات.",
        published: None,
        expected: &[("2024-01-15", None)],
    },
    Case {
        text: "وُزّعت المساعدات على الأسر المتضررة يوم ٠٣-٠٧-٢٠٢٢ في محافظة إدلب.",
        published: None,
        expected: &[("2022-07-03", None)],
    },
    Case {
        text: "وأفادت الوكالة الإيرانية في تقريرها المؤرخ ۷/۱۰/۲۰۲۳ بتوقيع اتفاقية جديدة.",
        published: None,
        expected: &[("2023-10-07", None)],
    },
    Case {
        text: "نُشر المقال في 18/8/2024 وعُدّل في 19/8/2024 بعد ورود معلومات جديدة.",
        published: None,
        expected: &[("2024-08-18", None), ("2024-08-19", None)],
    },
    Case {
        // Invalid both ways: nothing, not even a year.
        text: "وتداول ناشطون وثيقة تحمل تاريخ 30/2/2024 تبيّن أنها مزورة.",
        published: None,
        expected: &[],
    },
    Case {
        // 2023 is not a leap year.
        text: "وحمل الختم تاريخ 29/2/2023 وهو ما أثار الشكوك حول صحة المستند.",
        published: None,
        expected: &[],
    },
];

/// Years, seasons and parts of a year.
const YEARS: &[Case] = &[
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

/// Ranges (`until` set, same precision as `value`) and separate dates in one sentence.
const RANGES: &[Case] = &[
    Case {
        text: "يستضيف مركز أبوظبي الوطني للمعارض المعرض الدولي من 3 إلى 7 نوفمبر 2023.",
        published: None,
        expected: &[("2023-11-03", Some("2023-11-07"))],
    },
    Case {
        text: "يعقد المنتدى الاقتصادي أعماله في الدوحة يومي 20 و21 فبراير 2025.",
        published: None,
        expected: &[("2025-02-20", Some("2025-02-21"))],
    },
    Case {
        text: "تُقام الجولة الثانية من المشاورات في مسقط يومي ١٦ و١٧ أكتوبر ٢٠٢٤.",
        published: None,
        expected: &[("2024-10-16", Some("2024-10-17"))],
    },
    Case {
        text: "تُجرى الانتخابات البلدية بين 8 و10 ديسمبر 2023 في عدد من المحافظات الكويتية.",
        published: None,
        expected: &[("2023-12-08", Some("2023-12-10"))],
    },
    Case {
        text: "تنطلق فعاليات الأسبوع الثقافي العُماني 22-24 أبريل 2024 في مسقط.",
        published: None,
        expected: &[("2024-04-22", Some("2024-04-24"))],
    },
    Case {
        text: "تستضيف جدة مؤتمر الاستثمار من ١٠ إلى ١٢ سبتمبر ٢٠٢٣ بمشاركة وفود من عشرين دولة.",
        published: None,
        expected: &[("2023-09-10", Some("2023-09-12"))],
    },
    Case {
        text: "تُقام مهرجانات بعلبك الدولية من 5 إلى 9 آب 2024.",
        published: None,
        expected: &[("2024-08-05", Some("2024-08-09"))],
    },
    Case {
        text: "يحتضن قصر المعارض بالجزائر العاصمة الصالون الدولي للكتاب من 12 إلى 14 جوان 2024.",
        published: None,
        expected: &[("2024-06-12", Some("2024-06-14"))],
    },
    // Across months.
    Case {
        text: "تُقام فعاليات معرض القاهرة الدولي للكتاب من 24 يناير إلى 6 فبراير 2025.",
        published: None,
        expected: &[("2025-01-24", Some("2025-02-06"))],
    },
    Case {
        text: "انعقد مؤتمر الأطراف COP28 في دبي من 30 نوفمبر إلى 12 ديسمبر 2023.",
        published: None,
        expected: &[("2023-11-30", Some("2023-12-12"))],
    },
    Case {
        text: "أُغلقت المعابر الحدودية مع الأردن من 28 شباط إلى 2 آذار 2024 لأسباب أمنية.",
        published: None,
        expected: &[("2024-02-28", Some("2024-03-02"))],
    },
    // Months.
    Case {
        text: "ارتفعت أسعار المحروقات في تونس ثلاث مرات من جانفي إلى أفريل 2024.",
        published: None,
        expected: &[("2024-01", Some("2024-04"))],
    },
    Case {
        text: "شهدت الليرة السورية تقلبات حادة من آذار إلى أيار 2023.",
        published: None,
        expected: &[("2023-03", Some("2023-05"))],
    },
    // Years.
    Case {
        text: "نفذت الحكومة العراقية حملة واسعة لإعادة النازحين خلال عامي 2020 و2022.",
        published: None,
        expected: &[("2020", Some("2022"))],
    },
    Case {
        text: "تراجعت صادرات النفط الليبية عامي ٢٠١٨ و٢٠١٩ بسبب إغلاق الحقول.",
        published: None,
        expected: &[("2018", Some("2019"))],
    },
    Case {
        text: "ارتفع عدد السياح الوافدين إلى المغرب بين عامي 2015 و2018 بنسبة كبيرة.",
        published: None,
        expected: &[("2015", Some("2018"))],
    },
    Case {
        text: "تولى الوزير حقيبة الخارجية من 2014 إلى 2019 قبل أن يعين سفيرًا في باريس.",
        published: None,
        expected: &[("2014", Some("2019"))],
    },
    Case {
        text: "تغطي الخطة الاستراتيجية للوزارة الفترة 2021-2025 وتركز على التحول الرقمي.",
        published: None,
        expected: &[("2021", Some("2025"))],
    },
    Case {
        text: "شهدت الأعوام 2012-2014 موجة نزوح واسعة من الأرياف السورية نحو دول الجوار.",
        published: None,
        expected: &[("2012", Some("2014"))],
    },
    Case {
        text: "عرض الوزير حصيلة الخطة الخمسية 2016-2020 أمام أعضاء البرلمان.",
        published: None,
        expected: &[("2016", Some("2020"))],
    },
    // Two separate dates each give their own value.
    Case {
        text: "يُفتح باب التسجيل في 2 مايو 2024، على أن تُعلن النتائج في 9 يونيو 2024.",
        published: None,
        expected: &[("2024-05-02", None), ("2024-06-09", None)],
    },
    Case {
        text: "وُقّع الاتفاق في 12 أيار 2023 ودخل حيز التنفيذ في 1 تموز 2023.",
        published: None,
        expected: &[("2023-05-12", None), ("2023-07-01", None)],
    },
    Case {
        text: "انتُخب المجلس في أكتوبر 2021 وحُلّ في 15 يونيو 2022 بمرسوم رئاسي.",
        published: None,
        expected: &[("2021-10", None), ("2022-06-15", None)],
    },
];

/// Hijri dates, Umm al-Qura calendar. Every conversion below was computed with the
/// `hijri-converter` package (Umm al-Qura tables) after checking its anchors:
/// 1 Ramadan 1445 = 2024-03-11, 1 Shawwal 1445 = 2024-04-10, 1 Muharram 1446 = 2024-07-07,
/// 10 Dhu al-Hijja 1444 = 2023-06-28, and the year 1445 = 2023-07-19 ..= 2024-07-06.
const HIJRI: &[Case] = &[
    Case {
        // Anchor: 1 Shawwal 1445 = 2024-04-10 (Eid al-Fitr).
        text: "أعلنت المحكمة العليا أن 1 شوال 1445 يوافق يوم الأربعاء وهو أول أيام عيد الفطر.",
        published: None,
        expected: &[("2024-04-10", None)],
    },
    Case {
        // Anchor: 10 Dhu al-Hijja 1444 = 2023-06-28 (Eid al-Adha).
        text: "يحتفل المسلمون بعيد الأضحى المبارك في 10 ذو الحجة 1444 هـ.",
        published: None,
        expected: &[("2023-06-28", None)],
    },
    Case {
        // Anchor: 1 Muharram 1446 = 2024-07-07.
        text: "تبدأ السنة المالية للجمعيات الخيرية في 1 محرم 1446 هـ بحسب اللائحة الجديدة.",
        published: None,
        expected: &[("2024-07-07", None)],
    },
    Case {
        // 1 Ramadan 1445 = 2024-03-11, so 27 Ramadan 1445 = 2024-04-06.
        text: "أُقيمت صلاة التهجد في المسجد الحرام يوم 27 رمضان 1445 هـ بحضور أكثر من مليوني مصل.",
        published: None,
        expected: &[("2024-04-06", None)],
    },
    Case {
        // 12 Rabi al-Awwal 1445 = 2023-09-27.
        text: "أحيت الطرق الصوفية في القاهرة ذكرى المولد النبوي في 12 ربيع الأول 1445 هـ.",
        published: None,
        expected: &[("2023-09-27", None)],
    },
    Case {
        // 14 Jumada al-Ula 1445 = 2023-11-28.
        text: "صدر التعميم عن وزارة الشؤون الإسلامية بتاريخ 14 جمادى الأولى 1445هـ.",
        published: None,
        expected: &[("2023-11-28", None)],
    },
    Case {
        // 27 Rajab 1445 = 2024-02-08.
        text: "عطلت دوائر الدولة الرسمية أعمالها في ذكرى الإسراء والمعراج 27 رجب 1445 هـ.",
        published: None,
        expected: &[("2024-02-08", None)],
    },
    Case {
        // 15 Shaban 1445 = 2024-02-25; the year needs no marker when day and month are given.
        text: "تُقام الأمسية الدينية في الجامع الكبير مساء 15 شعبان 1445 بحضور جمع من العلماء.",
        published: None,
        expected: &[("2024-02-25", None)],
    },
    Case {
        // 9 Dhu al-Hijja 1445 = 2024-06-15 (day of Arafah), Arabic-Indic digits.
        text: "وقف حجاج بيت الله الحرام على صعيد عرفات يوم ٩ ذو الحجة ١٤٤٥ هـ.",
        published: None,
        expected: &[("2024-06-15", None)],
    },
    Case {
        // 1 Jumada al-Akhira 1446 = 2024-12-02.
        text: "تبدأ إجازة منتصف العام الدراسي في 1 جمادى الآخرة 1446 هـ وفق التقويم المعتمد.",
        published: None,
        expected: &[("2024-12-02", None)],
    },
    // Both calendars side by side: one value.
    Case {
        // 10 Dhu al-Hijja 1445 = 2024-06-16, a Sunday.
        text: "مكة المكرمة - الأحد 10 ذو الحجة 1445 هـ الموافق 16 يونيو 2024م - يؤدي الحجاج اليوم رمي جمرة العقبة.",
        published: None,
        expected: &[("2024-06-16", None)],
    },
    Case {
        // 12 Rabi al-Awwal 1446 = 2024-09-15.
        text: "صدر الأمر الملكي في 12 ربيع الأول 1446 هـ الموافق 15 سبتمبر 2024 م.",
        published: None,
        expected: &[("2024-09-15", None)],
    },
    Case {
        // 1 Ramadan 1444 = 2023-03-23.
        text: "أعلن ديوان الوقف السني أن الخميس 1 رمضان 1444 الموافق 23 آذار 2023 أول أيام الشهر الفضيل.",
        published: None,
        expected: &[("2023-03-23", None)],
    },
    // Month and year: the whole month.
    Case {
        // Ramadan 1446 = 2025-03-01 ..= 2025-03-29.
        text: "توقعت الجمعية الفلكية أن يكون رمضان 1446هـ تسعة وعشرين يومًا.",
        published: None,
        expected: &[("2025-03-01", Some("2025-03-29"))],
    },
    Case {
        // Rabi al-Akhir 1445 = 2023-10-16 ..= 2023-11-14.
        text: "بلغ عدد المعتمرين خلال ربيع الآخر 1445 هـ أكثر من مليون معتمر.",
        published: None,
        expected: &[("2023-10-16", Some("2023-11-14"))],
    },
    Case {
        // Rabi al-Thani 1446 = 2024-10-04 ..= 2024-11-02.
        text: "أصدرت الهيئة تقريرها الإحصائي عن شهر ربيع الثاني 1446 بعد انتهائه.",
        published: None,
        expected: &[("2024-10-04", Some("2024-11-02"))],
    },
    Case {
        // Jumada al-Thaniya 1446 = 2024-12-02 ..= 2024-12-31.
        text: "ارتفعت مبيعات التجزئة في المملكة خلال جمادى الثانية 1446 هـ بنسبة ملحوظة.",
        published: None,
        expected: &[("2024-12-02", Some("2024-12-31"))],
    },
    Case {
        // Dhu al-Qada 1445 = 2024-05-09 ..= 2024-06-06.
        text: "تستقبل المطارات السعودية طلائع الحجاج في ذو القعدة 1445 هـ.",
        published: None,
        expected: &[("2024-05-09", Some("2024-06-06"))],
    },
    Case {
        // Safar 1446 = 2024-08-05 ..= 2024-09-03, with the short marker ه.
        text: "سجلت المحاكم السعودية ارتفاعًا في قضايا التنفيذ خلال صفر 1446 ه مقارنة بالشهر السابق.",
        published: None,
        expected: &[("2024-08-05", Some("2024-09-03"))],
    },
    Case {
        // Shawwal 1444 = 2023-04-21 ..= 2023-05-20.
        text: "انتعشت حركة السياحة الداخلية في شوال 1444 هـ بعد انتهاء موسم رمضان.",
        published: None,
        expected: &[("2023-04-21", Some("2023-05-20"))],
    },
    // A year alone needs the marker.
    Case {
        // 1446 = 2024-07-07 ..= 2025-06-25.
        text: "أقرت الحكومة الميزانية التشغيلية للحرم المكي عن عام 1446هـ.",
        published: None,
        expected: &[("2024-07-07", Some("2025-06-25"))],
    },
    Case {
        // 1447 = 2025-06-26 ..= 2026-06-15.
        text: "هنأ الديوان الملكي المواطنين بحلول العام الهجري الجديد 1447 هـ.",
        published: None,
        expected: &[("2025-06-26", Some("2026-06-15"))],
    },
];

/// Expressions resolved against the publication date. Weekdays of the publication dates
/// were checked with Python's `datetime`.
const RELATIVE: &[Case] = &[
    // Today, yesterday, tomorrow.
    Case {
        // 2024-06-05 is a Wednesday.
        text: "تنطلق اليوم الأربعاء امتحانات الثانوية العامة في جميع المحافظات المصرية.",
        published: Some("2024-06-05"),
        expected: &[("2024-06-05", None)],
    },
    Case {
        // 2024-03-18 is a Monday.
        text: "يصل وزير الخارجية الأردني إلى دمشق اليوم الاثنين في زيارة تستمر يومين.",
        published: Some("2024-03-18"),
        expected: &[("2024-03-18", None)],
    },
    Case {
        // 2024-06-05 is a Wednesday, not a Thursday: inconsistent, nothing.
        text: "يعقد مجلس الوزراء اجتماعه الأسبوعي اليوم الخميس برئاسة رئيس الحكومة.",
        published: Some("2024-06-05"),
        expected: &[],
    },
    Case {
        text: "أعلنت وزارة الصحة أمس تسجيل حالات جديدة في محافظة البصرة.",
        published: Some("2024-01-01"),
        expected: &[("2023-12-31", None)],
    },
    Case {
        // 2024-11-15 is a Friday.
        text: "قال وزير الخارجية السعودي أمس الخميس إن المملكة تدعم مسار الحل السياسي.",
        published: Some("2024-11-15"),
        expected: &[("2024-11-14", None)],
    },
    Case {
        // 2024-03-16 is a Saturday.
        text: "شيّع آلاف المغاربة أمس الجمعة جثمان الفنان الراحل في الدار البيضاء.",
        published: Some("2024-03-16"),
        expected: &[("2024-03-15", None)],
    },
    Case {
        // 2024-11-15 is a Friday, so yesterday was not a Sunday: nothing.
        text: "أكد الناطق باسم الحكومة أمس الأحد أن الانتخابات ستجرى في موعدها.",
        published: Some("2024-11-15"),
        expected: &[],
    },
    Case {
        text: "التقى رئيس الوزراء العراقي أول أمس وفدًا من رجال الأعمال الخليجيين.",
        published: Some("2024-03-01"),
        expected: &[("2024-02-28", None)],
    },
    Case {
        text: "تستأنف المدارس في الإمارات الدراسة غدًا بعد انتهاء عطلة الربيع.",
        published: Some("2024-02-28"),
        expected: &[("2024-02-29", None)],
    },
    Case {
        text: "تدخل الزيادة الجديدة في أسعار الكهرباء حيز التنفيذ غداً في الأردن.",
        published: Some("2023-12-31"),
        expected: &[("2024-01-01", None)],
    },
    Case {
        // 2024-09-19 is a Thursday.
        text: "يؤدي المصلون صلاة الاستسقاء غدا الجمعة في مساجد المملكة كافة.",
        published: Some("2024-09-19"),
        expected: &[("2024-09-20", None)],
    },
    // Months.
    Case {
        text: "تراجع معدل التضخم في مصر الشهر الماضي للمرة الأولى منذ أشهر.",
        published: Some("2024-01-15"),
        expected: &[("2023-12", None)],
    },
    Case {
        text: "يتوقع أن تصدر اللجنة تقريرها النهائي خلال الشهر الجاري.",
        published: Some("2024-07-22"),
        expected: &[("2024-07", None)],
    },
    Case {
        text: "ارتفعت أسعار الذهب في السوق المحلية بشكل لافت هذا الشهر.",
        published: Some("2023-10-09"),
        expected: &[("2023-10", None)],
    },
    Case {
        text: "تبدأ الحكومة اللبنانية تطبيق الموازنة الجديدة الشهر المقبل.",
        published: Some("2024-12-10"),
        expected: &[("2025-01", None)],
    },
    Case {
        text: "أعلنت الشركة أنها ستطرح أسهمها للاكتتاب العام الشهر القادم في بورصة الدار البيضاء.",
        published: Some("2024-04-30"),
        expected: &[("2024-05", None)],
    },
    // Years.
    Case {
        text: "استقبلت مصر أكثر من أربعة عشر مليون سائح العام الماضي وفق وزارة السياحة.",
        published: Some("2024-02-11"),
        expected: &[("2023", None)],
    },
    Case {
        text: "تضاعفت صادرات التمور الجزائرية خلال السنة الماضية.",
        published: Some("2022-06-01"),
        expected: &[("2021", None)],
    },
    Case {
        text: "تتوقع الحكومة الكويتية عجزًا في الميزانية خلال العام الجاري.",
        published: Some("2024-05-03"),
        expected: &[("2024", None)],
    },
    Case {
        text: "سجّل الاقتصاد المغربي نموًا أفضل من المتوقع هذا العام رغم الجفاف.",
        published: Some("2023-08-20"),
        expected: &[("2023", None)],
    },
    Case {
        text: "تعتزم الوزارة توظيف آلاف المعلمين خلال العام الحالي.",
        published: Some("2025-01-07"),
        expected: &[("2025", None)],
    },
    Case {
        text: "تستضيف الرياض المعرض الدولي للطيران العام المقبل.",
        published: Some("2024-11-20"),
        expected: &[("2025", None)],
    },
    Case {
        text: "قال المسؤول إن أعمال ترميم الجامع الأموي ستنتهي العام القادم.",
        published: Some("2023-03-14"),
        expected: &[("2024", None)],
    },
    // Weekdays before and after the publication date (strictly).
    Case {
        // 2024-06-13 is itself a Thursday: the previous one is 2024-06-06.
        text: "أفرجت السلطات عن الصحفي المعتقل الخميس الماضي بعد تدخل نقابة الصحفيين.",
        published: Some("2024-06-13"),
        expected: &[("2024-06-06", None)],
    },
    Case {
        // 2024-10-03 is a Thursday.
        text: "صادق البرلمان العراقي على القانون في جلسته يوم الثلاثاء الماضي.",
        published: Some("2024-10-03"),
        expected: &[("2024-10-01", None)],
    },
    Case {
        // 2024-06-09 is itself a Sunday: the next one is 2024-06-16.
        text: "تنطلق المفاوضات غير المباشرة في القاهرة الأحد المقبل بمشاركة وفود عربية.",
        published: Some("2024-06-09"),
        expected: &[("2024-06-16", None)],
    },
    Case {
        // 2024-12-30 is a Monday.
        text: "تُجرى قرعة البطولة العربية للأندية السبت المقبل في الدوحة.",
        published: Some("2024-12-30"),
        expected: &[("2025-01-04", None)],
    },
    // Month names without a year.
    Case {
        text: "أعلنت وزارة الصحة التونسية في سبتمبر عن حملة تلقيح ضد الإنفلونزا.",
        published: Some("2024-10-02"),
        expected: &[("2024-09", None)],
    },
    Case {
        text: "قالت مصادر دبلوماسية إن القمة العربية ستعقد في نوفمبر بالعاصمة البحرينية.",
        published: Some("2024-10-02"),
        expected: &[("2024-11", None)],
    },
    Case {
        text: "من المتوقع أن تبدأ أعمال الترميم في حزيران بعد استكمال إجراءات التمويل.",
        published: Some("2023-05-05"),
        expected: &[("2023-06", None)],
    },
    Case {
        text: "تراجعت مبيعات العقارات في دبي منذ يونيو الماضي.",
        published: Some("2024-02-10"),
        expected: &[("2023-06", None)],
    },
    Case {
        text: "ارتفعت أسعار الخبز في الأردن منذ فبراير الماضي بنسبة عشرة في المئة.",
        published: Some("2024-09-01"),
        expected: &[("2024-02", None)],
    },
    Case {
        text: "تسلّم الجيش اللبناني شحنة مساعدات جديدة في أكتوبر من العام الماضي.",
        published: Some("2024-04-15"),
        expected: &[("2023-10", None)],
    },
    Case {
        text: "من المقرر أن تنتهي أعمال الطريق الساحلي في يناير المقبل.",
        published: Some("2024-10-01"),
        expected: &[("2025-01", None)],
    },
    // Day and month without a year.
    Case {
        text: "عُثر على الطائرة المفقودة في 22 مارس بعد عمليات بحث استمرت أيامًا.",
        published: Some("2024-06-05"),
        expected: &[("2024-03-22", None)],
    },
    Case {
        text: "نظّم أهالي الضحايا وقفة احتجاجية يوم 4 آب أمام قصر العدل في بيروت.",
        published: Some("2024-08-05"),
        expected: &[("2024-08-04", None)],
    },
    Case {
        text: "تعود جذور الأزمة إلى 30 ديسمبر الماضي حين رفعت الحكومة أسعار الوقود.",
        published: Some("2024-02-04"),
        expected: &[("2023-12-30", None)],
    },
    Case {
        text: "بدأت موجة الحر في 3 أغسطس الماضي واستمرت أسبوعين.",
        published: Some("2024-08-18"),
        expected: &[("2024-08-03", None)],
    },
    Case {
        text: "تُجرى الانتخابات التشريعية في 15 يناير المقبل وفق الهيئة المستقلة.",
        published: Some("2024-11-20"),
        expected: &[("2025-01-15", None)],
    },
    Case {
        text: "يُفتتح مهرجان قرطاج السينمائي في 20 أكتوبر المقبل.",
        published: Some("2024-09-10"),
        expected: &[("2024-10-20", None)],
    },
    Case {
        text: "يُعقد الاجتماع الوزاري العربي في 26 مارس الجاري بمقر الجامعة العربية.",
        published: Some("2024-03-12"),
        expected: &[("2024-03-26", None)],
    },
    Case {
        text: "ينتهي العمل بالتوقيت الشتوي في 25 من الشهر الجاري.",
        published: Some("2024-02-03"),
        expected: &[("2024-02-25", None)],
    },
    // Mixed with an explicit date.
    Case {
        text: "بلغت الصادرات العام الماضي ضعف ما كانت عليه في 3 مارس 2021 عند إطلاق البرنامج.",
        published: Some("2024-05-01"),
        expected: &[("2023", None), ("2021-03-03", None)],
    },
    // Without a publication date, nothing relative is emitted.
    Case {
        text: "أعلنت وزارة الداخلية أمس الخميس القبض على خلية إرهابية.",
        published: None,
        expected: &[],
    },
    Case {
        text: "انخفض عجز الميزانية العام الماضي وفق أرقام وزارة المالية.",
        published: None,
        expected: &[],
    },
    Case {
        text: "تبدأ مرحلة التصويت الخاص في 10 ديسمبر المقبل.",
        published: None,
        expected: &[],
    },
];

/// Numbers and month-like words that are not dates; where a sentence also holds a real
/// date, only that date is expected.
const NEGATIVES: &[Case] = &[
    // Counts.
    Case {
        text: "أعلنت وزارة الدفاع إرسال 1975 جنديًا إضافيًا إلى الحدود الشرقية.",
        published: None,
        expected: &[],
    },
    Case {
        text: "شارك نحو 2000 متطوع في حملة تنظيف شواطئ الإسكندرية.",
        published: None,
        expected: &[],
    },
    Case {
        text: "أُصيب أكثر من 2000 شخص بحالات اختناق جراء العاصفة الترابية في العراق.",
        published: None,
        expected: &[],
    },
    Case {
        text: "رصدت لجنة المراقبة 2024 خرقًا لاتفاق الهدنة منذ دخوله حيز التنفيذ.",
        published: Some("2024-05-12"),
        expected: &[],
    },
    Case {
        text: "بلغت الاستثمارات الأجنبية المباشرة في المغرب 2023 مليون دولار في الربع الأول.",
        published: None,
        expected: &[],
    },
    Case {
        text: "نزح نحو ١٩٥٠ شخصًا من القرى الحدودية في جنوب لبنان.",
        published: None,
        expected: &[],
    },
    Case {
        text: "أحصت المنظمة الحقوقية مقتل 1986 مدنيًا منذ 12 أكتوبر 2023.",
        published: None,
        expected: &[("2023-10-12", None)],
    },
    // References.
    Case {
        text: "طالب المجلس بتنفيذ القرار 2334 الخاص بالاستيطان في الأراضي المحتلة.",
        published: None,
        expected: &[],
    },
    Case {
        text: "دعا المبعوث الأممي إلى تطبيق القرار رقم 2254 بشأن الحل السياسي في سوريا.",
        published: None,
        expected: &[],
    },
    Case {
        text: "أشار تقرير الوكالة إلى أن طهران لم تعد تلتزم بالقرار 2231.",
        published: None,
        expected: &[],
    },
    Case {
        text: "ونصت المادة 2020 من مدونة الالتزامات والعقود على بطلان الشرط.",
        published: None,
        expected: &[],
    },
    // Money with separators.
    Case {
        text: "بلغت قيمة الصفقة 2,500 مليون دولار وفق مصادر مطلعة.",
        published: None,
        expected: &[],
    },
    Case {
        text: "يبلغ سعر طن الإسمنت 1.950 دينار في السوق المحلية الليبية.",
        published: None,
        expected: &[],
    },
    // Clock times, scores, durations, ages.
    Case {
        text: "انطلقت الجلسة عند الساعة 10:30 صباحًا بتوقيت مكة المكرمة.",
        published: None,
        expected: &[],
    },
    Case {
        text: "بدأ الاجتماع عند الساعة 09:15 صباح 3 مارس 2024 بتوقيت القدس.",
        published: None,
        expected: &[("2024-03-03", None)],
    },
    Case {
        text: "فاز الأهلي على الزمالك 2-1 في نهائي كأس مصر.",
        published: None,
        expected: &[],
    },
    Case {
        text: "استمر حصار المدينة 51 يومًا قبل التوصل إلى اتفاق لوقف إطلاق النار.",
        published: None,
        expected: &[],
    },
    Case {
        text: "يعاني لبنان من أزمة اقتصادية لم يشهد مثلها منذ ثلاثة عقود.",
        published: None,
        expected: &[],
    },
    Case {
        text: "قال المعارض إن الحزب الحاكم يمسك بالسلطة منذ 30 عامًا دون انقطاع.",
        published: Some("2024-05-01"),
        expected: &[],
    },
    Case {
        text: "توفي الفنان الذي يبلغ من العمر 78 عامًا في أحد مستشفيات القاهرة.",
        published: None,
        expected: &[],
    },
    // Month-like words without a day or year, even with a publication date.
    Case {
        text: "مارس الاحتلال ضغوطًا كبيرة على سكان القرية لإجبارهم على الرحيل.",
        published: Some("2024-03-10"),
        expected: &[],
    },
    Case {
        text: "أعلنت شركة نيسان عن طرح طراز جديد من سياراتها في الأسواق الخليجية.",
        published: Some("2024-04-02"),
        expected: &[],
    },
    Case {
        text: "قالت رئيسة الوزراء البريطانية السابقة تيريزا ماي إن الاتفاق لا يزال ممكنًا.",
        published: Some("2019-05-20"),
        expected: &[],
    },
    Case {
        text: "استذكر الخبراء قصف الطائرات الإسرائيلية مفاعل تموز العراقي قرب بغداد.",
        published: Some("2021-07-07"),
        expected: &[],
    },
    Case {
        text: "قالت المقاتلة الكردية جوان إن الهجوم على القرية بدأ فجرًا.",
        published: Some("2024-06-10"),
        expected: &[],
    },
    Case {
        // An ambiguous month word alone is skipped even with a publication date.
        text: "تراجعت صادرات الفوسفات الأردنية في آب بحسب أرقام دائرة الإحصاءات العامة.",
        published: Some("2024-09-10"),
        expected: &[],
    },
    Case {
        text: "ارتفعت نسبة امتلاء السدود في الجزائر خلال أوت بفضل الأمطار الموسمية.",
        published: Some("2024-09-10"),
        expected: &[],
    },
    Case {
        text: "أحيا المطرب الشعبي شعبان عبد الرحيم حفلًا في الإسكندرية.",
        published: Some("2018-03-01"),
        expected: &[],
    },
    Case {
        text: "وصل الرئيس التركي رجب طيب أردوغان إلى الدوحة في زيارة رسمية.",
        published: Some("2024-01-20"),
        expected: &[],
    },
    Case {
        text: "تُقلَّص ساعات العمل في القطاع الحكومي خلال شهر رمضان المبارك.",
        published: Some("2024-03-01"),
        expected: &[],
    },
    Case {
        text: "استضاف البرنامج المفكر السويسري طارق رمضان في حلقة عن الهجرة.",
        published: Some("2017-06-01"),
        expected: &[],
    },
    Case {
        text: "استقر معدل النمو عند صفر في المئة خلال الربع الأخير.",
        published: Some("2024-08-20"),
        expected: &[],
    },
    // Words around "today", "yesterday" and "year" that are not relative dates.
    Case {
        text: "أحيت الفرقة الوطنية أمسية موسيقية في دار الأوبرا المصرية.",
        published: Some("2024-03-05"),
        expected: &[],
    },
    Case {
        text: "نقلت قناة روسيا اليوم عن مصدر عسكري أن القصف مستمر.",
        published: Some("2024-03-05"),
        expected: &[],
    },
    Case {
        text: "حتى اليوم لم تعلن أي جهة مسؤوليتها عن الهجوم.",
        published: Some("2024-03-05"),
        expected: &[],
    },
    Case {
        text: "تتواصل فعاليات اليوم الوطني السعودي في مختلف مناطق المملكة.",
        published: Some("2024-09-23"),
        expected: &[],
    },
    Case {
        text: "قال الأمين العام للأمم المتحدة إن الرأي العام الدولي يطالب بوقف الحرب.",
        published: Some("2024-02-01"),
        expected: &[],
    },
    Case {
        text: "بث التلفزيون الرسمي المقابلة الأسبوع الماضي وسط جدل واسع.",
        published: Some("2024-03-05"),
        expected: &[],
    },
    // Year-less dates and bare weekdays without a publication date.
    Case {
        text: "ما زالت شعارات ثورة 25 يناير حاضرة في الذاكرة المصرية.",
        published: None,
        expected: &[],
    },
    Case {
        text: "يقع مقر الشركة في شارع 26 يوليو بوسط القاهرة.",
        published: None,
        expected: &[],
    },
    Case {
        text: "تعقد القمة الخليجية المقبلة في ديسمبر بحسب مصادر دبلوماسية.",
        published: None,
        expected: &[],
    },
    Case {
        text: "قال المتحدث العسكري يوم الأحد إن المفاوضات متعثرة.",
        published: None,
        expected: &[],
    },
];

/// Every table, named for failure reports and the size check.
const TABLES: &[(&str, &[Case])] = &[
    ("MONTH_NAMES", MONTH_NAMES),
    ("NUMERIC", NUMERIC),
    ("YEARS", YEARS),
    ("RANGES", RANGES),
    ("HIJRI", HIJRI),
    ("RELATIVE", RELATIVE),
    ("NEGATIVES", NEGATIVES),
];

type PairSet = BTreeSet<(String, Option<String>)>;

fn show(set: &PairSet) -> String {
    let items: Vec<String> = set
        .iter()
        .map(|(value, until)| match until {
            Some(until) => format!("{value}..{until}"),
            None => value.clone(),
        })
        .collect();
    format!("{{{}}}", items.join(", "))
}

/// Problems with the mentions' ranges: empty, off char boundaries, or overlapping.
fn range_problems(text: &str, mentions: &[DateMention]) -> Vec<String> {
    let mut problems = Vec::new();
    for mention in mentions {
        let range = &mention.range;
        if range.is_empty() {
            problems.push(format!("empty range {range:?} for {}", mention.value));
        } else if text.get(range.clone()).is_none() {
            problems.push(format!(
                "range {range:?} for {} is out of bounds or not on char boundaries",
                mention.value
            ));
        }
    }
    let mut ranges: Vec<_> = mentions.iter().map(|m| m.range.clone()).collect();
    ranges.sort_by_key(|range| (range.start, range.end));
    for pair in ranges.windows(2) {
        if pair[0].end > pair[1].start {
            problems.push(format!("ranges {:?} and {:?} overlap", pair[0], pair[1]));
        }
    }
    problems
}

/// Runs one case; `Err` describes everything that went wrong with it.
fn check(case: &Case) -> Result<(), String> {
    let mentions = find_dates(case.text, case.published);
    let got: PairSet = mentions
        .iter()
        .map(|m| (m.value.clone(), m.until.clone()))
        .collect();
    let expected: PairSet = case
        .expected
        .iter()
        .map(|&(value, until)| (value.to_owned(), until.map(str::to_owned)))
        .collect();
    let mut problems = range_problems(case.text, &mentions);
    if got != expected {
        problems.insert(
            0,
            format!("expected {}, got {}", show(&expected), show(&got)),
        );
    }
    if problems.is_empty() {
        return Ok(());
    }
    let spans: Vec<String> = mentions
        .iter()
        .map(|m| {
            let quoted = case.text.get(m.range.clone()).unwrap_or("<bad range>");
            format!("«{quoted}» → {}", m.value)
        })
        .collect();
    Err(format!(
        "  text:      {}\n  published: {:?}\n  {}\n  mentions:  [{}]",
        case.text,
        case.published,
        problems.join("\n  "),
        spans.join("; "),
    ))
}

/// Runs a whole table and fails once, listing every failing case.
fn run_table(name: &str, table: &[Case]) {
    let failures: Vec<String> = table
        .iter()
        .enumerate()
        .filter_map(|(index, case)| {
            check(case)
                .err()
                .map(|report| format!("{name}[{index}]\n{report}"))
        })
        .collect();
    let passed = table.len() - failures.len();
    assert!(
        failures.is_empty(),
        "{name}: {passed}/{} cases passed, {} failed:\n\n{}\n",
        table.len(),
        failures.len(),
        failures.join("\n\n"),
    );
}

#[test]
fn month_names_in_three_traditions() {
    run_table("MONTH_NAMES", MONTH_NAMES);
}

#[test]
fn numeric_dates_in_three_digit_systems() {
    run_table("NUMERIC", NUMERIC);
}

#[test]
fn years_seasons_and_parts_of_years() {
    run_table("YEARS", YEARS);
}

#[test]
fn ranges_and_separate_dates() {
    run_table("RANGES", RANGES);
}

#[test]
fn hijri_dates_convert_with_umm_al_qura() {
    run_table("HIJRI", HIJRI);
}

#[test]
fn relative_expressions_need_a_publication_date() {
    run_table("RELATIVE", RELATIVE);
}

#[test]
fn negatives_are_not_dates() {
    run_table("NEGATIVES", NEGATIVES);
}

#[test]
fn tables_are_large_enough() {
    let total: usize = TABLES.iter().map(|(_, table)| table.len()).sum();
    assert!(total >= 120, "only {total} cases in all tables");
    assert!(
        NEGATIVES.len() >= 25,
        "only {} negative cases",
        NEGATIVES.len()
    );
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month in 1..=12 and a day in 1..=31.
fn is_iso(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let in_range = |part: &str, max: u32| part.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => digits(year, 4) && digits(month, 2) && in_range(month, 12),
        [year, month, day] => {
            digits(year, 4)
                && digits(month, 2)
                && in_range(month, 12)
                && digits(day, 2)
                && in_range(day, 31)
        }
        _ => false,
    }
}

/// Guards the tables themselves against typos: well-formed values, ranges that run
/// forward at one precision, full publication dates, and no case written twice.
#[test]
fn tables_are_well_formed() {
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for (name, table) in TABLES {
        for (index, case) in table.iter().enumerate() {
            let at = format!("{name}[{index}] {}", case.text);
            if !seen.insert((case.text, case.published)) {
                problems.push(format!("{at}: duplicate case"));
            }
            if let Some(published) = case.published
                && (published.len() != 10 || !is_iso(published))
            {
                problems.push(format!("{at}: bad publication date {published}"));
            }
            for &(value, until) in case.expected {
                if !is_iso(value) {
                    problems.push(format!("{at}: bad value {value}"));
                }
                if let Some(until) = until
                    && (!is_iso(until) || until.len() != value.len() || until <= value)
                {
                    problems.push(format!("{at}: bad range {value}..{until}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
