//! Expressions relative to the publication date: the RELATIVE table.

use crate::Case;

/// Expressions resolved against the publication date. Weekdays of the publication dates
/// were checked with Python's `datetime`.
pub(crate) const RELATIVE: &[Case] = &[
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
