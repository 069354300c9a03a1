//! Ranges of days, months and years, and separate dates: the RANGES table.

use crate::Case;

/// Ranges (`until` set, same precision as `value`) and separate dates in one sentence.
pub(crate) const RANGES: &[Case] = &[
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
