//! Hijri dates (Umm al-Qura): the HIJRI table.

use crate::Case;

/// Hijri dates, Umm al-Qura calendar. Every conversion below was computed with the
/// `hijri-converter` package (Umm al-Qura tables) after checking its anchors:
/// 1 Ramadan 1445 = 2024-03-11, 1 Shawwal 1445 = 2024-04-10, 1 Muharram 1446 = 2024-07-07,
/// 10 Dhu al-Hijja 1444 = 2023-06-28, and the year 1445 = 2023-07-19 ..= 2024-07-06.
pub(crate) const HIJRI: &[Case] = &[
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
