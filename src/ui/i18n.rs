//! The interface language: every UI string in English and Arabic, from one table.
//!
//! Strings with `{0}`, `{1}`… take arguments ([`Language::f`]). Arabic sentences avoid
//! number agreement ("المقالات: 7" rather than "7 مقالات"), which a table cannot get right
//! for every number. Text shown in a widget goes through [`text`], which lays out any string
//! with right-to-left letters with our bidi layer: egui alone reverses digits inside Arabic
//! and puts words in the wrong order.

use egui::{Align, Layout, Ui, WidgetText};
use khabar_core::text::bidi::Direction;

/// The language of the interface (not of the articles, which are shown as written).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    #[default]
    English,
    Arabic,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Arabic, Language::English];

    /// The language of a locale tag such as `ar`, `ar-EG`, `ar_SA.UTF-8` or `en-GB`:
    /// Arabic for Arabic locales, English otherwise.
    pub fn from_locale(tag: &str) -> Language {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if primary == "ar" {
            Language::Arabic
        } else {
            Language::English
        }
    }

    /// The language of the system's locale.
    pub fn system() -> Language {
        sys_locale::get_locale().map_or(Language::English, |tag| Language::from_locale(&tag))
    }

    /// Arabic lays the window out from right to left.
    pub fn is_rtl(self) -> bool {
        self == Language::Arabic
    }

    /// The language's name in itself, for the menu that switches to it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Arabic => "العربية",
        }
    }

    /// A string of the table.
    pub fn t(self, key: T) -> &'static str {
        match self {
            Language::English => key.english(),
            Language::Arabic => key.arabic(),
        }
    }

    /// A string of the table with its `{0}`, `{1}`… replaced by `args`.
    pub fn f(self, key: T, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.t(key), args)
    }

    /// The month names of the timeline axis, January first.
    pub fn months(self) -> [&'static str; 12] {
        [
            T::MonthJan,
            T::MonthFeb,
            T::MonthMar,
            T::MonthApr,
            T::MonthMay,
            T::MonthJun,
            T::MonthJul,
            T::MonthAug,
            T::MonthSep,
            T::MonthOct,
            T::MonthNov,
            T::MonthDec,
        ]
        .map(|key| self.t(key))
    }

    /// The layout of a panel's content: right-aligned in Arabic, where egui's `horizontal`
    /// rows then run from right to left by themselves.
    pub fn panel_layout(self) -> Layout {
        if self.is_rtl() {
            Layout::top_down(Align::Max)
        } else {
            Layout::top_down(Align::Min)
        }
    }

    /// Direction of text without strong characters in this interface.
    pub fn direction(self) -> Direction {
        if self.is_rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}

/// Replaces `{0}`, `{1}`… in `template`.
fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = template.to_owned();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), &arg.to_string());
    }
    out
}

/// A string for a widget: plain when it has no right-to-left letters, otherwise laid out in
/// visual order by our bidi layer (one galley, so buttons, labels and menus can show it).
pub fn text(ui: &Ui, s: impl Into<String>) -> WidgetText {
    styled(ui, s, egui::TextStyle::Body, None)
}

/// Like [`text`], in the weak colour (hints, secondary lines).
pub fn weak(ui: &Ui, s: impl Into<String>) -> WidgetText {
    styled(
        ui,
        s,
        egui::TextStyle::Body,
        Some(ui.visuals().weak_text_color()),
    )
}

/// Like [`text`], in a text style and, if given, a colour (else the widget's).
pub fn styled(
    ui: &Ui,
    s: impl Into<String>,
    style: egui::TextStyle,
    color: Option<egui::Color32>,
) -> WidgetText {
    let s = s.into();
    if has_rtl(&s) {
        let font = style.resolve(ui.style());
        WidgetText::Galley(crate::ui::bidi_text::line_galley(
            ui.painter(),
            &s,
            font,
            color.unwrap_or(egui::Color32::PLACEHOLDER),
            Direction::Rtl,
        ))
    } else {
        let mut rich = egui::RichText::new(s).text_style(style);
        if let Some(color) = color {
            rich = rich.color(color);
        }
        WidgetText::from(rich)
    }
}

/// Whether a string has letters written right to left (Arabic, Hebrew, Syriac, Thaana…).
pub fn has_rtl(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    })
}

macro_rules! strings {
    ($($key:ident: $en:literal, $ar:literal;)*) => {
        /// A key of the string table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            /// Every key, for checking the table.
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn english(self) -> &'static str {
                match self { $(T::$key => $en),* }
            }

            pub fn arabic(self) -> &'static str {
                match self { $(T::$key => $ar),* }
            }
        }
    };
}

strings! {
    // Top bar and menus
    OpenFolder: "Open folder…", "فتح مجلد…";
    TypePath: "Type a path…", "كتابة مسار…";
    DemoCorpus: "Demo corpus", "المجموعة التجريبية";
    Export: "Export…", "تصدير…";
    ExportHover: "Save the articles shown now (with their review state and notes)",
        "حفظ المقالات المعروضة الآن (مع حالة المراجعة والملاحظات)";
    ExportDialogTitle: "Export the articles shown", "تصدير المقالات المعروضة";
    OpenDialogTitle: "Open a folder of articles", "فتح مجلد مقالات";
    ViewMenu: "View", "عرض";
    LanguageMenu: "Language", "اللغة";
    TextSize: "Text size", "حجم النص";
    Smaller: "Smaller", "أصغر";
    Larger: "Larger", "أكبر";
    ResetSize: "Reset size", "الحجم الافتراضي";
    ThemeMenu: "Theme", "المظهر";
    ThemeSystem: "Follow the system", "حسب النظام";
    ThemeLight: "Light", "فاتح";
    ThemeDark: "Dark", "داكن";
    TimeRtl: "Time right to left", "الزمن من اليمين إلى اليسار";
    TimeRtlHover: "Run the timeline from right to left, as Arabic text reads",
        "اجعل الخط الزمني يجري من اليمين إلى اليسار كما تُقرأ العربية";
    Progress: "{0} / {1} files · {2} / {3} MB", "الملفات: {0} من {1} · {2} من {3} م.ب";
    Cancel: "Cancel", "إلغاء";
    FolderPath: "Folder path:", "مسار المجلد:";
    Open: "Open", "فتح";
    NoDialog: "No folder dialog is available here: type the folder's path.",
        "لا تتوفر هنا نافذة لاختيار المجلدات: اكتب مسار المجلد.";
    EmptyPath: "Type the path of a folder.", "اكتب مسار مجلد.";
    NoSuchFolder: "No such folder: {0}", "لا يوجد مجلد بهذا المسار: {0}";
    Exported: "Exported {0} articles to {1}", "المقالات المصدَّرة: {0} — في {1}";
    ExportFailed: "Export failed: {0}", "تعذّر التصدير: {0}";
    CorrectionsNotSaved: "Corrections not saved: {0}", "لم تُحفظ التصحيحات: {0}";
    CorrectionsNotLoaded: "Corrections not loaded: {0}", "لم تُقرأ التصحيحات: {0}";
    CorrectionsDamaged: "The corrections file {0} could not be read ({1}). It was left exactly as it is; {2} Its corrections and notes are not shown, and nothing is saved until you choose:",
        "تعذّرت قراءة ملف التصحيحات {0} ({1}). تُرك كما هو تمامًا؛ {2} لا تظهر تصحيحاته وملاحظاته، ولن يُحفظ شيء حتى تختار:";
    CorrectionsCopy: "a copy was saved as {0}.", "وحُفظت نسخة منه باسم {0}.";
    CorrectionsNoCopy: "no copy could be made ({0}).", "ولم يمكن حفظ نسخة منه ({0}).";
    CorrectionsKeepReadOnly: "Leave it as it is (do not save changes)", "اتركه كما هو (دون حفظ التغييرات)";
    CorrectionsStartFresh: "Start a new corrections file (the copy stays)", "ابدأ ملف تصحيحات جديدًا (تبقى النسخة)";
    CorrectionsKept: "Changes are not being saved: the corrections file {0} could not be read and is left as it is.",
        "التغييرات لا تُحفظ: تعذّرت قراءة ملف التصحيحات {0} وتُرك كما هو.";
    CorrectionsNewer: "The corrections file {0} was written by a newer version of Khabar (format {1}). Its corrections are shown as far as this version understands them; changes are not saved.",
        "كُتب ملف التصحيحات {0} بإصدار أحدث من خبر (الصيغة {1}). تظهر تصحيحاته بقدر ما يفهمه هذا الإصدار، ولا تُحفظ التغييرات.";
    CorrectionsUnwritable: "Corrections cannot be saved: {0}", "لا يمكن حفظ التصحيحات: {0}";
    CorrectionsInDataFolder: "· corrections saved in your data folder (this folder is read-only)",
        "· تُحفظ التصحيحات في مجلد بياناتك (هذا المجلد للقراءة فقط)";
    CorrectionsUnknown: "· {0} corrections from a newer version kept but not applied",
        "· تصحيحات من إصدار أحدث محفوظة دون تطبيق: {0}";
    DropHere: "Drop a folder to open it", "أفلِت مجلدًا لفتحه";
    // Filter bar
    SearchHint: "Search articles…  (/)", "ابحث في المقالات…  (/)";
    All: "All", "الكل";
    Unread: "Unread", "غير مقروء";
    Read: "Read", "مقروء";
    Flagged: "Flagged", "معلَّم";
    FlaggedKey: "Flagged (f)", "معلَّم (f)";
    RemoveFilter: "Remove this filter", "إزالة هذا الشرط";
    ClearAll: "Clear all (Esc)", "مسح الكل (Esc)";
    ChipAnd: "and {0}", "و{0}";
    ChipOr: "or {0}", "أو {0}";
    ChipPublished: "published {0} – {1}", "النشر {0} – {1}";
    ChipMentioned: "mentions {0} – {1}", "التواريخ المذكورة {0} – {1}";
    ChipUndated: "undated", "بلا تاريخ";
    ChipSearch: "search: {0}", "بحث: {0}";
    ChipKinds: "mentions {0}", "تذكر {0}";
    Or: " or ", " أو ";
    And: " and ", " و";
    KindsPeople: "people", "أشخاصًا";
    KindsPlaces: "places", "أماكن";
    KindsOrgs: "organisations", "منظمات";
    // Reports (export header)
    ShownOf: "{0} of {1} articles", "المقالات: {0} من {1}";
    DescEntities: "entities: {0}", "الكيانات: {0}";
    DescKinds: "mentioning {0}", "تذكر {0}";
    DescDates: "dates: {0} – {1}", "التواريخ: {0} – {1}";
    DescReview: "review: {0}", "المراجعة: {0}";
    // Status bar and skipped files
    NArticles: "{0} articles", "المقالات: {0}";
    NSkipped: "{0} skipped", "المتروكة: {0}";
    SkippedHover: "Show the files that were not loaded, and why",
        "عرض الملفات التي لم تُحمَّل وسبب ذلك";
    LoadedWithProblems: "· {0} loaded with problems", "· حُمِّلت مع مشكلات: {0}";
    LoadingCancelled: "Loading cancelled", "أُلغي التحميل";
    PartialFiles: "Partial: {0} of {1} files read; names, dates and search are missing",
        "جزئي: قُرئ {0} من {1} ملفًا؛ الأسماء والتواريخ والبحث غير متوفرة";
    PartialNames: "Partial: names, dates and search are missing", "جزئي: الأسماء والتواريخ والبحث غير متوفرة";
    LoadEverything: "Load everything", "حمّل الكل";
    DatesCancelled: "Dates were not found: loading was cancelled.", "لم تُستخرج التواريخ: أُلغي التحميل.";
    NamesCancelled: "Names were not found: loading was cancelled.", "لم تُستخرج الأسماء: أُلغي التحميل.";
    StageListing: "Listing files: {0} found", "حصر الملفات: {0}";
    StageNames: "Finding names: {0} %", "استخراج الأسماء: {0}٪";
    StageDates: "Finding dates: {0} %", "استخراج التواريخ: {0}٪";
    StageIndex: "Building the search index…", "بناء فهرس البحث…";
    Loaded: "Loaded", "اكتمل التحميل";
    InSeconds: " in {0} s", " في {0} ث";
    SkippedFiles: "Skipped files", "الملفات المتروكة";
    NotLoaded: "{0} file(s) were not loaded:", "ملفات لم تُحمَّل: {0}";
    LoadedBut: "loaded, but {0}", "حُمِّل، لكن: {0}";
    Loading: "Loading…", "جارٍ التحميل…";
    FromCache: "from the cache", "من الذاكرة المؤقتة";
    PartlyFromCache: "{0} new or changed files read, {1} removed",
        "قُرئت ملفات جديدة أو معدّلة: {0}، وحُذفت: {1}";
    CacheRebuilt: "the cache was damaged and has been rebuilt", "كانت الذاكرة المؤقتة تالفة فأُعيد بناؤها";
    CacheNotWritten: "cache not saved: {0}", "لم تُحفظ الذاكرة المؤقتة: {0}";
    SkipEmpty: "empty file", "ملف فارغ";
    SkipBinary: "binary file ({0})", "ملف ثنائي ({0})";
    SkipUndecodable: "cannot decode ({0})", "تعذّر فك الترميز ({0})";
    SkipUnreadable: "cannot read: {0}", "تعذّرت القراءة: {0}";
    SkipDangling: "dangling link", "رابط معطوب";
    SkipLoop: "symlink loop (points back to {0})", "حلقة روابط (تعود إلى {0})";
    SkipLinkOutside: "link leads outside the opened folder (→ {0})", "رابط يقود إلى خارج المجلد المفتوح (← {0})";
    SkipAlreadyListed: "same folder as {0}, listed there", "المجلد نفسه الذي في {0}، وقد حُصر هناك";
    SkipNotRegular: "not a normal file (it is {0})", "ليس ملفًا عاديًا ({0})";
    SkipTooLarge: "too large ({0} MiB; the limit is {1} MiB)", "كبير جدًا ({0} م.ب؛ الحد {1} م.ب)";
    SkipNotText: "not a text file type (.{0})", "ليس من أنواع الملفات النصية (.{0})";
    // Entity sidebar
    SearchNames: "Search names…", "ابحث في الأسماء…";
    ClearNameSearch: "Clear the name search", "مسح البحث في الأسماء";
    Undo: "Undo", "تراجع";
    UndoHover: "Take back the last correction (Ctrl+Z)", "التراجع عن آخر تصحيح (Ctrl+Z)";
    SortBy: "Sort by", "الترتيب حسب";
    SortArticles: "articles", "المقالات";
    SortMentions: "mentions", "مرات الذكر";
    SortName: "name", "الاسم";
    Show: "Show", "إظهار";
    People: "People", "الأشخاص";
    Places: "Places", "الأماكن";
    Orgs: "Organisations", "المنظمات";
    KindHover: "Only articles that mention this kind of entity",
        "المقالات التي تذكر هذا النوع من الكيانات فقط";
    ArticlesWith: "Articles with", "المقالات التي تذكر";
    AllOfThem: "all of them", "كلها";
    AnyOfThem: "any of them", "أيًّا منها";
    AllOfHover: "Articles that mention every selected entity",
        "المقالات التي تذكر كل الكيانات المختارة";
    AnyOfHover: "Articles that mention at least one selected entity",
        "المقالات التي تذكر واحدًا على الأقل من الكيانات المختارة";
    Merging: "Merging:", "الدمج:";
    CancelMerge: "Cancel merge", "إلغاء الدمج";
    MergeHelp: "Right-click the entity to merge it into.",
        "انقر بالزر الأيمن على الكيان المراد الدمج فيه.";
    NewName: "New name:", "الاسم الجديد:";
    Rename: "Rename", "إعادة التسمية";
    FindingNames: "Finding names…", "جارٍ استخراج الأسماء…";
    MergeInto: "Merge the marked entity into this one", "دمج الكيان المحدَّد في هذا الكيان";
    RenameMenu: "Rename…", "إعادة التسمية…";
    MarkForMerging: "Mark for merging…", "تحديد للدمج…";
    ChangeKind: "Change kind", "تغيير النوع";
    Person: "Person", "شخص";
    Place: "Place", "مكان";
    Org: "Organisation", "منظمة";
    SplitSpelling: "Split a spelling off", "فصل إحدى الكتابات";
    HideEntity: "Hide (not an entity)", "إخفاء (ليس كيانًا)";
    AppearsWith: "Appears with", "يظهر مع";
    NoOtherEntity: "No other entity in these articles.", "لا كيانات أخرى في هذه المقالات.";
    ClickToAdd: "Click to add it to the filter", "انقر لإضافته إلى شروط التصفية";
    MoreRows: "… {0} more: search to find them", "… {0} أخرى: ابحث للعثور عليها";
    Uncertain: "Uncertain ({0})", "غير مؤكدة ({0})";
    UncertainHover: "Names found on little evidence (one guess that nothing else confirmed). They still filter the list and can be corrected.", "أسماء وُجدت بأدلة قليلة (تخمين واحد لم يؤكده شيء آخر). ما زالت تصفّي القائمة ويمكن تصحيحها.";
    RowCounts: "{0} articles, {1} mentions", "المقالات: {0}، مرات الذكر: {1}";
    RowShownCounts: "{0} of the articles shown; {1} articles, {2} mentions in all",
        "في المقالات المعروضة: {0}؛ المجموع: {1} مقالات، {2} مرات ذكر";
    // Article list and reader
    Inferred: "{0} (inferred)", "{0} (مستنتج)";
    Undated: "undated", "بلا تاريخ";
    Part: " · part {0}", " · الجزء {0}";
    StateRead: " · read", " · مقروء";
    StateFlagged: " · flagged", " · معلَّم";
    NoArticles: "No articles here. Open a folder of .txt files, or drop one on the window.",
        "لا مقالات هنا. افتح مجلدًا فيه ملفات نصية أو أفلِته على النافذة.";
    NoHeadline: "{0} — no headline found", "{0} — لم يُعثر على عنوان";
    HideChrome: "− Hide site chrome ({0})", "− إخفاء عناصر الموقع ({0})";
    ShowChrome: "+ Site chrome ({0})", "+ عناصر الموقع ({0})";
    Lines: "{0} lines", "الأسطر: {0}";
    OneLine: "1 line", "سطر واحد";
    ShowMore: "Show more ({0} KB not shown yet)", "عرض المزيد ({0} ك.ب لم تُعرض بعد)";
    CopySelection: "Copy selection", "نسخ المحدَّد";
    CopyParagraph: "Copy paragraph", "نسخ الفقرة";
    KindPerson: "person", "شخص";
    KindPlace: "place", "مكان";
    KindOrg: "organisation", "منظمة";
    Published: "Published {0}", "تاريخ النشر {0}";
    PublishedInferred: "Published {0} (inferred from the text: weekday and date)",
        "تاريخ النشر {0} (مستنتج من النص: اليوم والتاريخ)";
    PublishedInferredShort: "Published {0} (inferred)", "تاريخ النشر {0} (مستنتج)";
    NoPublicationDate: "No publication date (undated)", "لا تاريخ نشر";
    HijriAh: " (Hijri {0} AH)", " (هجري {0} هـ)";
    FromPublication: " · from the publication date", " · محسوب من تاريخ النشر";
    // Review bar
    Hits: "{0} / {1} hits", "النتائج: {0} من {1}";
    Previous: "Previous", "السابق";
    Next: "Next", "التالي";
    NoteHint: "Note on this article…", "ملاحظة على هذا المقال…";
    // Timeline strip
    StripTitle: "Timeline", "الخط الزمني";
    StripFilterBy: "filter by:", "التصفية حسب:";
    StripPublication: "Publication", "النشر";
    StripMentioned: "Mentioned", "المذكورة";
    StripFitAll: "Fit all", "إظهار الكل";
    StripClearRange: "Clear range", "مسح النطاق";
    StripUndated: "Undated", "بلا تاريخ";
    StripPublicationLane: "Publication lane", "مسار تواريخ النشر";
    StripMentionedLane: "Mentioned lane", "مسار التواريخ المذكورة";
    StripAxis: "Timeline axis", "محور الزمن";
    StripZoomIn: "zoom in to list the articles", "قرِّب لعرض المقالات";
    StripOutsideFilter: "not in the filtered list", "خارج القائمة المصفّاة";
    // Month names of the timeline axis (the Arabic ones as used in Egypt and the Gulf,
    // which most Arabic news sites use)
    MonthJan: "Jan", "يناير";
    MonthFeb: "Feb", "فبراير";
    MonthMar: "Mar", "مارس";
    MonthApr: "Apr", "أبريل";
    MonthMay: "May", "مايو";
    MonthJun: "Jun", "يونيو";
    MonthJul: "Jul", "يوليو";
    MonthAug: "Aug", "أغسطس";
    MonthSep: "Sep", "سبتمبر";
    MonthOct: "Oct", "أكتوبر";
    MonthNov: "Nov", "نوفمبر";
    MonthDec: "Dec", "ديسمبر";
    // Help
    HelpButton: "? Help", "؟ مساعدة";
    HelpHover: "What the filters, the timeline, corrections and review do (F1)",
        "ما تفعله المرشحات والخط الزمني والتصحيحات والمراجعة (F1)";
    HelpTitle: "Help", "مساعدة";
    HelpOpenTitle: "Opening articles", "فتح المقالات";
    HelpOpen: "“Open folder…” picks a folder of articles (.txt files, in sub-folders too); you can also drop a folder on the window, or on Khabar's icon. Khabar reads UTF-8, UTF-16 and Windows-1256 files; files it cannot read are listed under “skipped” in the status bar, with the reason. A folder opened once reopens quickly, and files added or changed while Khabar is open are read again by themselves.",
        "«فتح مجلد…» يختار مجلدًا من المقالات (ملفات ‎.txt‎، وفي المجلدات الفرعية أيضًا)، ويمكنك أيضًا إفلات مجلد على النافذة أو على أيقونة خبر. يقرأ خبر ملفات UTF-8 وUTF-16 وWindows-1256، والملفات التي تتعذر قراءتها تُذكر تحت «متروكة» في شريط الحالة مع السبب. المجلد الذي فُتح مرة يُعاد فتحه بسرعة، والملفات التي تُضاف أو تتغير أثناء عمل خبر تُقرأ من جديد تلقائيًا.";
    HelpReadTitle: "Reading", "القراءة";
    HelpRead: "Click an article in the list to read it. Names are highlighted by kind (people, places, organisations), dates too; site chrome (menus, “read also” lists) is folded away under “Site chrome”. j and k go to the next and the previous article.",
        "انقر مقالًا في القائمة لقراءته. تُبرز الأسماء بحسب نوعها (أشخاص، أماكن، منظمات) وكذلك التواريخ، وتُطوى عناصر الموقع (القوائم وقوائم «اقرأ أيضًا») تحت «عناصر الموقع». المفتاحان j وk ينتقلان إلى المقال التالي والسابق.";
    HelpFiltersTitle: "Names as filters", "الأسماء مرشحات";
    HelpFilters: "The panel of names lists the people, places and organisations Khabar found, with the number of articles mentioning each; the spellings of one name are merged (Karabakh spelt three ways is one place). Click a name to see only the articles that mention it; click several for the articles with all of them, or any of them. “Show” limits the panel and the list to one kind. Each filter is a chip above the list: × removes it, Esc removes them all.",
        "تعرض لوحة الأسماء الأشخاص والأماكن والمنظمات التي وجدها خبر مع عدد المقالات التي تذكر كلًّا منها، وتُدمج الكتابات المختلفة للاسم الواحد (كاراباخ = قره باغ). انقر اسمًا لترى المقالات التي تذكره فقط، وانقر عدة أسماء لترى المقالات التي تذكرها كلها أو أيًّا منها. «عرض» يقصر اللوحة والقائمة على نوع واحد. كل مرشح شريحة فوق القائمة: × تزيله، وEsc يزيلها كلها.";
    HelpSearchTitle: "Search", "البحث";
    HelpSearch: "Type in the search box (or press /): every word must appear. A word is found with its attached prefixes (“and”, “the”, “in”…) and with or without hamza; the last word is matched as the beginning of a word while you type; “quotes” find an exact phrase. n goes to the next match in the article.",
        "اكتب في مربع البحث (أو اضغط /): يجب أن تظهر كل كلمة. تُوجد الكلمة مع سوابقها (و، ال، ب…) وبالهمزة أو دونها، وتُطابق الكلمة الأخيرة بداية كلمة أثناء الكتابة، وعلامتا التنصيص “…” تبحثان عن عبارة بعينها. المفتاح n ينتقل إلى التطابق التالي في المقال.";
    HelpTimelineTitle: "The timeline", "الخط الزمني";
    HelpTimeline: "The strip at the bottom shows when the articles were published (upper lane) and the dates they talk about (lower lane). Click a mark to open its article at the sentence of that date. Drag across the strip to keep only a period; scroll or pinch to zoom, drag the axis to move along it, “Fit all” shows everything. Grey is the whole corpus, colour the articles that pass your filters.",
        "يعرض الشريط في الأسفل تواريخ نشر المقالات (المسار العلوي) والتواريخ التي تتحدث عنها (المسار السفلي). انقر علامة لفتح مقالها عند الجملة التي فيها ذلك التاريخ. اسحب عبر الشريط للإبقاء على فترة فقط، واستخدم عجلة الفأرة أو القرص للتكبير، واسحب المحور للتنقل، و«إظهار الكل» يعرض كل شيء. الرمادي هو المجموعة كلها، والملوَّن هو المقالات التي تجتاز المرشحات.";
    HelpCorrectTitle: "Correcting names", "تصحيح الأسماء";
    HelpCorrect: "Right-click a name to correct it: rename it, merge it into another name (mark it, then right-click the other), change its kind, split a spelling off, or hide it when it is not a name. Corrections are kept beside the folder and applied at every open; Undo takes the last one back.",
        "انقر اسمًا بالزر الأيمن لتصحيحه: أعد تسميته، أو ادمجه في اسم آخر (حدّده ثم انقر الآخر بالزر الأيمن)، أو غيّر نوعه، أو افصل إحدى كتاباته، أو أخفه إن لم يكن اسمًا. تُحفظ التصحيحات بجوار المجلد وتُطبق عند كل فتح، و«تراجع» يلغي آخرها.";
    HelpReviewTitle: "Review and export", "المراجعة والتصدير";
    HelpReview: "Each article is Unread, Read or Flagged (f), with a note of yours; an article you open becomes Read. The buttons above the list show only the articles in one state. “Export…” saves the articles shown, with their state and notes, as CSV, JSON or HTML.",
        "كل مقال «غير مقروء» أو «مقروء» أو «معلَّم» (f)، مع ملاحظة تكتبها، والمقال الذي تفتحه يصير مقروءًا. تعرض الأزرار فوق القائمة مقالات حالة واحدة فقط. «تصدير…» يحفظ المقالات المعروضة مع حالتها وملاحظاتها بصيغة CSV أو JSON أو HTML.";
    HelpKeysTitle: "Keys", "المفاتيح";
    HelpKeys: "j / k next / previous article · f flag · / search · n next match · Esc clear the filters · Ctrl+Z undo a correction · F1 this help. “View” sets the language, the text size and the theme.",
        "j / k المقال التالي / السابق · f تعليم · / البحث · n التطابق التالي · Esc مسح المرشحات · Ctrl+Z التراجع عن تصحيح · F1 هذه المساعدة. «عرض» يضبط اللغة وحجم النص والمظهر.";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut found: Vec<String> = (0..10)
            .map(|i| format!("{{{i}}}"))
            .filter(|p| s.contains(p.as_str()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn every_string_exists_in_both_languages_with_the_same_arguments() {
        for &key in T::ALL {
            let (en, ar) = (key.english(), key.arabic());
            assert!(!en.trim().is_empty() && !ar.trim().is_empty(), "{key:?}");
            assert_eq!(placeholders(en), placeholders(ar), "{key:?}");
            assert!(!has_rtl(en), "{key:?}: English with Arabic letters");
            assert!(has_rtl(ar), "{key:?}: not translated");
        }
    }

    #[test]
    fn locale_tags_choose_the_language() {
        for tag in ["ar", "ar-EG", "ar_SA.UTF-8", "AR-ma", "ar@latin"] {
            assert_eq!(Language::from_locale(tag), Language::Arabic, "{tag}");
        }
        for tag in ["en-US", "fr_FR.UTF-8", "C", "", "arn-CL", "POSIX"] {
            assert_eq!(Language::from_locale(tag), Language::English, "{tag}");
        }
    }

    #[test]
    fn arguments_fill_their_places() {
        assert_eq!(Language::Arabic.f(T::ShownOf, &[&3, &7]), "المقالات: 3 من 7");
        assert_eq!(
            Language::English.f(T::ShownOf, &[&3, &7]),
            "3 of 7 articles"
        );
    }
}
