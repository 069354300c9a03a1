//! Gregorian month names in the three Arabic traditions and English: the MONTH_NAMES table.

use crate::Case;

/// Gregorian month names: Egyptian/Gulf, Levantine and Maghrebi, paired forms, English.
/// Weekdays written next to a date were checked with Python's `datetime`.
pub(crate) const MONTH_NAMES: &[Case] = &[
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
