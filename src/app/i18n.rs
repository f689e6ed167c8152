//! Every interface string, in English and Simplified Chinese.
//!
//! One `match` arm per message returns both languages, so a message without a translation
//! does not compile. Procedure content (questions, steps, sources) is not here: it comes from
//! the content files through `content::Text`, with its sources.

use passport_sos::content::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    NavLabel,
    NavStart,
    NavPlan,
    NavSources,
    NavSettings,
    StartTitle,
    StartIntro,
    StartPrivacy,
    StartButton,
    ContinueButton,
    SeePlan,
    YourAnswers,
    Change,
    QuestionProgress,
    Back,
    WhoCanAnswer,
    CountryLabel,
    CountryInvalid,
    Continue,
    QuestionNotInPlay,
    DroppedIntro,
    NoteKeptAside,
    NoteNewerSchema,
    NoteUnavailable,
    NoteNotSaved,
    NoteSavedAgain,
    KeptFromBefore,
    PlanTitle,
    OrderOfThings,
    QuestionsLeft,
    NoAnswersYet,
    ReadFirst,
    StepsAnyway,
    StepsMaybe,
    PossibleRoutes,
    OpenTitle,
    OpenIntro,
    UnknownsTitle,
    MayApply,
    DependsOn,
    DoneByAnswers,
    Done,
    WhatToBring,
    Where,
    Phone,
    MoreLabel,
    MoreBring,
    MoreWhere,
    MorePhone,
    MoreDue,
    MoreSeparator,
    Address,
    Hours,
    Why,
    SourcesLabel,
    ShowCard,
    OpenStep,
    StepOf,
    YourNote,
    BackToPlan,
    StepNotInPlan,
    NotFound,
    EmergencyDocument,
    CopyPlan,
    Copied,
    CopyFailed,
    Print,
    PlanText,
    AcceptanceDate,
    DueBy,
    Estimate,
    EstimateNote,
    EnterDate,
    LegendWeekend,
    LegendDayOff,
    LegendMakeUp,
    LegendAccepted,
    LegendDue,
    LegendUnknown,
    WorkingDaysCount,
    CardTitle,
    CardClose,
    ForTaxi,
    CardMeaning,
    SourcesTitle,
    SourcesIntro,
    KindOfficial,
    KindExcerpt,
    KindSecondary,
    Kind,
    Date,
    DateUnknown,
    Publisher,
    Supports,
    OpenSource,
    AppVersion,
    LastChecked,
    SettingsTitle,
    LanguageHeading,
    EraseHeading,
    EraseButton,
    EraseConfirmText,
    EraseConfirm,
    Cancel,
    Erased,
    EraseFailed,
    ExportHeading,
    ExportButton,
    ExportIntro,
    ImportButton,
    ImportWillReplace,
    ImportConfirm,
    Imported,
    ShareHeading,
    AboutHeading,
    AnswersCount,
    StepRecordsCount,
    InFile,
    OnPhone,
}

/// The text of an interface message. `{}` marks where [`fill`] puts a value.
pub fn text(msg: Msg, lang: Lang) -> &'static str {
    use Msg::*;
    let (en, zh) = match msg {
        NavLabel => ("Main", "主菜单"),
        NavStart => ("Start", "开始"),
        NavPlan => ("My plan", "我的计划"),
        NavSources => ("Sources", "资料来源"),
        NavSettings => ("Settings", "设置"),
        StartTitle => ("What to do now", "现在该做什么"),
        StartIntro => (
            "Answer a few short questions. You then get the steps to follow, in order, with the official source for each one.",
            "回答几个简短的问题，就能按顺序看到需要办理的步骤，每一步都注明官方依据。",
        ),
        StartPrivacy => (
            "What you enter stays on this phone: no account, nothing sent anywhere.",
            "您输入的内容只保存在这部手机上：无需注册，不会发送到任何地方。",
        ),
        StartButton => ("Start the questions", "开始回答问题"),
        ContinueButton => ("Continue the questions", "继续回答问题"),
        SeePlan => ("See my plan", "查看我的计划"),
        YourAnswers => ("Your answers", "您的回答"),
        Change => ("Change", "修改"),
        QuestionProgress => ("Question {} of {}", "第{}题，共{}题"),
        Back => ("Back", "返回"),
        WhoCanAnswer => ("Who can answer this:", "谁能回答："),
        CountryLabel => ("Two-letter country code, for example US, GB or DE", "两个字母的国家代码，例如 US、GB 或 DE"),
        CountryInvalid => ("Enter two letters, for example US.", "请输入两个字母，例如 US。"),
        Continue => ("Continue", "继续"),
        QuestionNotInPlay => ("This question does not apply to your answers.", "根据您的回答，这个问题不适用。"),
        DroppedIntro => (
            "Because of your change, these answers no longer apply and were removed:",
            "由于您修改了回答，以下回答已不再适用，已被删除：",
        ),
        NoteKeptAside => (
            "Your saved progress could not be read. It was kept aside on this phone, and you are starting afresh.",
            "无法读取之前保存的进度。旧数据已另行保留在这部手机上，现在重新开始。",
        ),
        NoteNewerSchema => (
            "Your saved progress was written by a newer version of this guide. It was kept aside on this phone, and you are starting afresh.",
            "之前的进度由本指南的较新版本保存。旧数据已另行保留在这部手机上，现在重新开始。",
        ),
        NoteUnavailable => (
            "This browser does not allow saving: your progress will not be kept on this phone.",
            "此浏览器不允许保存数据：您的进度不会保存在这部手机上。",
        ),
        NoteNotSaved => (
            "Your progress is not being kept on this phone: the browser refused to save it.",
            "您的进度没有保存在这部手机上：浏览器拒绝保存。",
        ),
        NoteSavedAgain => (
            "Your progress is being saved on this phone again.",
            "已恢复保存：您的进度会重新保存在这部手机上。",
        ),
        KeptFromBefore => (
            "This version of the guide no longer asks or uses these earlier answers. They are kept on this phone:",
            "本版指南已不再询问或使用以下之前的回答，这些回答仍保留在这部手机上：",
        ),
        PlanTitle => ("Your plan", "您的计划"),
        OrderOfThings => ("Here is the order of things", "办理顺序如下"),
        QuestionsLeft => (
            "Questions left: {}. The plan may still change with your answers.",
            "还有{}个问题未回答。计划可能随您的回答而变化。",
        ),
        NoAnswersYet => ("Answer the questions first to see your plan.", "请先回答问题，才能看到您的计划。"),
        ReadFirst => ("Read this first", "请先阅读"),
        StepsAnyway => ("Steps to take whatever the answer", "无论答案如何都要办理的步骤"),
        StepsMaybe => ("Steps that depend on the open questions", "取决于待定问题的步骤"),
        PossibleRoutes => ("Still possible:", "仍有可能的办理途径："),
        OpenTitle => ("Still open", "尚待确认的问题"),
        OpenIntro => (
            "The answers to these questions would change your plan. Ask, then come back and answer them.",
            "这些问题的答案会改变您的计划。请先询问，再回来回答。",
        ),
        UnknownsTitle => ("What the sources do not say", "资料没有说明的事项"),
        MayApply => ("May apply", "可能适用"),
        DependsOn => ("Depends on:", "取决于："),
        DoneByAnswers => ("Done, according to your answers", "根据您的回答，已完成"),
        Done => ("Done", "已完成"),
        WhatToBring => ("What to bring", "需要携带"),
        Where => ("Where to go", "前往地点"),
        Phone => ("Phone", "电话"),
        MoreLabel => ("More: ", "更多："),
        MoreBring => ("what to bring", "携带材料"),
        MoreWhere => ("where to go", "前往地点"),
        MorePhone => ("phone numbers", "电话"),
        MoreDue => ("when the decision is due", "办结期限"),
        MoreSeparator => (", ", "、"),
        Address => ("Address", "地址"),
        Hours => ("Hours", "办公时间"),
        Why => ("Why this step?", "为什么要做这一步？"),
        SourcesLabel => ("Sources:", "来源："),
        ShowCard => ("Show at the counter", "在窗口出示"),
        OpenStep => ("Open this step", "打开此步骤"),
        StepOf => ("Step {} of {}", "第{}步，共{}步"),
        YourNote => ("Your notes for this step", "您对这一步的备注"),
        BackToPlan => ("Back to the plan", "返回计划"),
        StepNotInPlan => (
            "This step is not part of your plan for the answers you gave.",
            "根据您的回答，这一步不在您的计划中。",
        ),
        NotFound => ("This page does not exist.", "该页面不存在。"),
        EmergencyDocument => ("The document your embassy may issue:", "您本国使领馆可能签发的证件："),
        CopyPlan => ("Copy plan as text", "复制计划文本"),
        Copied => ("The plan was copied. Paste it into a message or an e-mail.", "计划已复制，可以粘贴到消息或邮件中。"),
        CopyFailed => (
            "This browser does not allow copying from here. Select the text below and copy it.",
            "此浏览器不允许在这里复制。请选中下面的文字后复制。",
        ),
        Print => ("Print", "打印"),
        PlanText => ("Your plan as text", "计划文本"),
        AcceptanceDate => ("Date your application was accepted", "申请受理日期"),
        DueBy => ("Decision due by", "审批期限最后一天"),
        Estimate => ("estimate", "估算"),
        EstimateNote => (
            "The official holidays for part of this period are not published yet: only weekends were skipped there.",
            "该期间部分日期的官方节假日尚未公布：这些日期只扣除了周末。",
        ),
        EnterDate => ("Enter a date to see the day the decision is due.", "输入日期即可看到审批期限的最后一天。"),
        LegendWeekend => ("Weekend", "周末"),
        LegendDayOff => ("Official day off", "法定放假日"),
        LegendMakeUp => ("Make-up working day", "调休上班日"),
        LegendAccepted => ("Accepted", "受理日"),
        LegendDue => ("Due", "期限"),
        LegendUnknown => ("Holidays not yet published", "节假日尚未公布"),
        WorkingDaysCount => ("({} working days)", "（{}个工作日）"),
        CardTitle => ("Show this to the officer", "请出示给工作人员"),
        CardClose => ("Close", "关闭"),
        ForTaxi => ("For the taxi driver", "给出租车司机看"),
        CardMeaning => ("In English", "英文意思"),
        SourcesTitle => ("Sources", "资料来源"),
        SourcesIntro => (
            "Every statement in this guide names its sources. Official: the full official text was read. Official excerpt: an official page, of which only an excerpt was read. Secondary: not an official publication.",
            "本指南的每项内容都注明了来源。官方：已查阅官方全文。官方摘录：官方网页，仅查阅了摘录。二手资料：非官方发布。",
        ),
        KindOfficial => ("Official", "官方"),
        KindExcerpt => ("Official excerpt", "官方摘录"),
        KindSecondary => ("Secondary", "二手资料"),
        Kind => ("Kind:", "类型："),
        Date => ("Date:", "日期："),
        DateUnknown => ("not given", "不详"),
        Publisher => ("Publisher:", "发布者："),
        Supports => ("Supports:", "支持的内容："),
        OpenSource => ("Open the source (needs a network)", "打开原文（需要联网）"),
        AppVersion => ("App version {}", "应用版本 {}"),
        LastChecked => ("Content last checked against its sources: {}", "内容最近一次与来源核对：{}"),
        SettingsTitle => ("Settings", "设置"),
        LanguageHeading => ("Language", "语言"),
        EraseHeading => ("Erase", "清除数据"),
        EraseButton => ("Erase everything on this phone", "清除这部手机上的全部数据"),
        EraseConfirmText => (
            "This deletes your answers, ticks, notes and dates from this phone. It cannot be undone.",
            "这将删除这部手机上的全部回答、勾选、备注和日期，且无法恢复。",
        ),
        EraseConfirm => ("Yes, erase everything", "确认清除"),
        Cancel => ("Cancel", "取消"),
        Erased => ("Everything was erased from this phone.", "已清除这部手机上的全部数据。"),
        EraseFailed => ("The saved data could not be erased in this browser.", "无法清除此浏览器中保存的数据。"),
        ExportHeading => ("Move your progress", "转移进度"),
        ExportButton => ("Export progress to a file", "将进度导出为文件"),
        ExportIntro => (
            "Save your answers and ticks to a file, to open them on another phone or keep a copy.",
            "把回答和勾选保存为文件，可以在另一部手机上打开，或留作备份。",
        ),
        ImportButton => ("Import from a file", "从文件导入"),
        ImportWillReplace => ("Importing replaces what is on this phone:", "导入将替换这部手机上的内容："),
        ImportConfirm => ("Replace with the file", "用文件内容替换"),
        Imported => ("Your progress was imported.", "进度已导入。"),
        ShareHeading => ("Share your plan", "分享计划"),
        AboutHeading => ("About this guide", "关于本指南"),
        AnswersCount => ("answers", "个回答"),
        StepRecordsCount => ("step records", "条步骤记录"),
        InFile => ("In the file", "文件中"),
        OnPhone => ("On this phone now", "手机上现有"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// Puts the values into the `{}` of a message, in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    for value in values {
        match rest.find("{}") {
            Some(at) => {
                out.push_str(&rest[..at]);
                out.push_str(value);
                rest = &rest[at + 2..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// The BCP 47 tag for `lang` attributes: screen readers and the font fallback for Chinese
/// depend on it.
pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-Hans",
    }
}

pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

pub fn from_code(code: &str) -> Option<Lang> {
    match code {
        "en" => Some(Lang::En),
        "zh" => Some(Lang::Zh),
        _ => None,
    }
}
