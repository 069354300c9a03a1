//! Numeric dates in three digit systems: the NUMERIC table.

use crate::Case;

/// Numeric dates: day-first unless only month-first is valid; three digit systems.
pub(crate) const NUMERIC: &[Case] = &[
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
