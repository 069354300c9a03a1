//! Numbers and month-like words that are not dates: the NEGATIVES table.

use crate::Case;

/// Numbers and month-like words that are not dates; where a sentence also holds a real
/// date, only that date is expected.
pub(crate) const NEGATIVES: &[Case] = &[
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
