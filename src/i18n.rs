//! User-visible words in Chinese (zh-CN) and English. Every string on screen or in a message comes from here (or from a `describe(lang)` next to the type it explains), so the two languages stay in step.

use serde::{Deserialize, Serialize};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parses `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en_US` …
    pub fn parse(text: &str) -> Option<Lang> {
        let t = text.trim().to_ascii_lowercase();
        if t.starts_with("zh") {
            Some(Lang::Zh)
        } else if t.starts_with("en") || t == "c" || t == "posix" || t.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the text of this language from a pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Replaces `{}` placeholders in order.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some((before, after)) = rest.split_once("{}") {
        out.push_str(before);
        if let Some(a) = args.next() {
            out.push_str(&a.to_string());
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

macro_rules! texts {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
        /// A user-visible text; `get` gives it in a language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($name,)* }
        impl T {
            /// Every text, for completeness tests.
            pub const ALL: &'static [T] = &[$(T::$name,)*];
            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(T::$name => lang.pick($zh, $en),)* }
            }
        }
    };
}

texts! {
    AppName => "管户", "guanhu";
    TabToday => "今日", "Today";
    // The command line's store, output and time checks (issue 10).
    CliWaitingForWriter => "正在等待另一个 guanhu 写完…", "waiting for another guanhu to finish writing…";
    CliCreatedStore => "已新建数据文件 {}", "created a new store at {}";
    CliYearOutOfRange => "{}：“{}”不在 1900 至 2200 年之间", "{}: \"{}\" is not between the years 1900 and 2200";
    CliCustomerTwice => "客户号给了两次且不一致：{} 与 --customer {}", "the customer number was given twice, and differently: {} and --customer {}";
    TabCustomers => "客户", "Customers";
    // Issue 10, the TUI's part: pastes, leaving with typed text, drafts, a busy store, crashes.
    PasteOnlyInField => "粘贴只能用于输入框", "Paste works only in a text field";
    LeaveAsk => "有未保存的内容：s 保存  d 放弃  Esc 继续编辑", "Unsaved text: s save  d discard  Esc keep editing";
    StoreBusy => "正在等待另一个 guanhu 写完…（Esc 放弃）", "Waiting for another guanhu to finish writing… (Esc gives up)";
    BusyGaveUp => "未保存：另一个 guanhu 仍在写入；输入的内容还在", "Not saved: another guanhu is still writing; your text is still here";
    DraftFound => "上次未保存的内容已恢复（{}）：r 放回输入框  d 丢弃  Esc 稍后", "Unsaved text from last time was kept ({}): r put it back  d discard  Esc later";
    DraftDiscarded => "已丢弃上次未保存的内容", "Discarded the unsaved text from last time";
    DraftLater => "上次未保存的内容留到下次启动", "The unsaved text from last time is kept for the next start";
    DraftRowGone => "那一行已不在今日列表：内容放进了一条备忘", "That row has left today's list: the text is in a memo";
    DraftSnooze => "暂缓 · {}", "snooze · {}";
    DraftDismiss => "本期忽略 · {}", "dismiss · {}";
    DraftReflection => "周总结 · {}", "reflection · {}";
    CrashReport => "guanhu 出错退出了，错误报告在 {}", "guanhu stopped on an error; the report is in {}";
    CrashDraftKept => "你输入的内容已作为草稿保存，下次启动时可以恢复。", "What you typed was kept as a draft and is offered back at the next start.";
    FollowUpHintOn => "+1h / +1d / 明天 10:00 / {}", "+1h / +1d / tomorrow 10:00 / {}";
    SnoozeDateHintOn => "{} / +3d / 明天", "{} / +3d / tomorrow";
    ErrSnoozeDateOn => "要晚于今天的日期：如 {}、+3d、明天", "A day after today: e.g. {}, +3d, tomorrow";
    TabDiary => "日志", "Diary";
    TabLedgers => "台账", "Ledgers";
    TabReview => "周报", "Review";
    TabTeam => "团队", "Team";
    TmTitle => "团队展板 · {}（{} 至 {}）", "Team board · {} ({} to {})";
    TmUpTo => "截至 {}", "up to {}";
    TmLoading => "正在计算团队各人本周数据…", "Working out everyone's week…";
    TmEmpty => "数据中还没有客户经理", "The store has no managers yet";
    TmRank => "#", "#";
    TmStaffNo => "工号", "Staff";
    TmName => "姓名", "Name";
    TmTotal => "合计", "Team";
    TmSortBy => "排序：{}", "sorted by {}";
    TmBestFirst => "从优到差", "best first";
    TmWorstFirst => "从差到优", "worst first";
    TmAscending => "升序", "ascending";
    TmDescending => "降序", "descending";
    TmMissedHint => "红色：未达目标", "red: target missed";
    TmMoreColumns => "另有 {} 列未显示，h/l 移动排序列即可看到", "{} column(s) off screen: h/l moves the sort column to them";
    TmColSms => "短信覆盖", "SMS";
    TmColContact => "月度沟通", "Contact MTD";
    TmColSales => "销售笔数", "Sales";
    TmColAmount => "销售金额", "Sales ¥";
    TmColVip => "贵宾净增", "VIP net";
    TmColOpportunities => "商机处理", "Opport.";
    TmColLost => "流失", "Lost";
    TmColAum => "资产变动", "AUM Δ";
    TmForLeads => "团队展板仅对团队长和网点负责人开放", "The team board is for team leads and branch heads";
    TmViewing => "正在查看 {} 的周报（只读），Esc 返回团队", "Viewing {}'s week (read only); Esc returns to the team";
    TmReadOnly => "这是其他客户经理的周总结，只能由本人填写", "This is another manager's reflection; only they can write it";
    KeySortColumn => "排序列", "sort by";
    KeyReverseSort => "倒序", "reverse";
    KeyOpenWeek => "查看周报", "their week";
    KeyBackToTeam => "返回团队", "back to team";
    RvTitle => "周报 · {}（{}）· {}（{} 至 {}）", "Weekly review · {} ({}) · {} ({} to {})";
    RvMetric => "指标", "Metric";
    RvActual => "实际", "Actual";
    RvTarget => "目标", "Target";
    RvPrevious => "上周", "Last week";
    RvChange => "变化", "Change";
    RvMet => "达标", "Met";
    RvExpected => "（应达 {}）", " (expected {})";
    RvUpTo => "截至 {}", "up to {}";
    RvReferrals => "本周获引荐客户：{} 位", "Referrals received this week: {}";
    RvSales => "按产品销售", "Sales by product";
    RvProduct => "产品", "Product";
    RvCount => "笔数", "Count";
    RvAmount => "金额", "Amount";
    RvNoSales => "本周无销售。", "No sales this week.";
    RvMigrations => "客户层级变动", "Tier migrations";
    RvCustomer => "客户", "Customer";
    RvCustomerNo => "客户号", "Customer no.";
    RvFrom => "原层级", "From";
    RvTo => "新层级", "To";
    RvDate => "日期", "Date";
    RvNoMigrations => "本周无层级变动。", "No tier changes this week.";
    RvSummary => "本周总结", "This week";
    RvPlan => "下周计划", "Next week's plan";
    RvNotWritten => "（未填写）", "(not written)";
    RvPenetrationShort => "渗透率·{}", "Penetration · {}";
    RvSaved => "已保存 {} 的本周总结与下周计划", "Saved the reflection of {}";
    RvLeaveAsk => "有未保存的修改：s 保存  d 放弃  Esc 继续编辑", "Unsaved changes: s save  d discard  Esc keep editing";
    RvActivity => "本周活动", "Activity this week";
    RvLoading => "正在计算本周数据…", "Working out the week…";
    RvEditHint => "按 e 填写", "press e to write";
    RvUnsaved => "未保存", "unsaved";
    KeyWeeks => "上一周/下一周", "prev/next week";
    KeyThisWeek => "本周", "this week";
    KeyEditReflection => "写总结/计划", "reflection";
    KeySaveReflection => "保存", "save";
    KeyNewLine => "换行", "new line";
    KeySwitchField => "切换总结/计划", "summary/plan";
    KeyCloseEditor => "完成", "done";
    RvNeedManager => "请用 --manager 指定客户经理工号（数据中有多位客户经理）", "Name the manager with --manager (the store has several managers)";
    RvBadWeek => "--week：“{}” 不是 ISO 周，应写作 2026-W47", "--week: \"{}\" is not an ISO week; write it as 2026-W47";
    RvNewCustomers => "新增有效客户", "New effective customers";
    RvSmsCoverage => "本周短信覆盖率", "SMS coverage (week)";
    RvContactMtd => "本月沟通覆盖率", "Contact coverage (month to date)";
    RvVisitYtd => "本年面谈覆盖率", "Visit coverage (year to date)";
    RvSaleQtd => "本季优质/高端客户销售覆盖率", "Sale coverage of quality/high (quarter to date)";
    RvSalesCount => "销售笔数", "Sales";
    RvSalesAmount => "销售金额", "Amount sold";
    RvRiskAssessments => "风险测评", "Risk assessments";
    RvRiskValid => "风险测评有效率", "Valid risk assessments";
    RvVipNet => "贵宾净增", "VIP net change";
    RvOpportunities => "商机处理率", "Opportunities handled";
    RvLost => "流失客户", "Customers lost";
    RvAumChange => "金融资产变动", "AUM change";
    RvPenetration => "核心产品渗透率·{}", "Core product penetration · {}";
    RvProductCoverage => "产品覆盖率（户均产品数）", "Product coverage (products per customer)";
    RvQueueCompletion => "每日计划完成率", "Daily plan completion";
    Manager => "客户经理", "Manager";
    AllManagers => "全部客户经理", "All managers";
    RoleRelationshipManager => "客户经理", "Relationship manager";
    RoleTeamLead => "团队长", "Team lead";
    RoleBranchHead => "网点负责人", "Branch head";
    RoleCounterStaff => "柜员", "Counter staff";
    ColStaffNo => "工号", "Staff no.";
    ColRole => "角色", "Role";
    ColManagedCount => "管户数", "Customers";
    ColManagedAum => "管户金融资产", "AUM managed";
    ManagerAdded => "已添加 {} {}（{}）", "Added {} {} ({})";
    ManagerUpdated => "已更新 {} {}（{}）", "Updated {} {} ({})";
    ManagerSetNothing => "请给出 --name 或 --role（或两者）", "Give --name or --role (or both)";
    AssignNeedTarget => "请给出客户号和 --to 工号，或使用 --rule", "Give customer numbers with --to STAFF_NO, or use --rule";
    AssignNoRules => "策略中没有分户规则（[[assignment.rules]]），未做任何改动", "The policy has no assignment rules ([[assignment.rules]]); nothing was changed";
    AssignMove => "{} {}：{} → {}（{}）", "{} {}: {} → {} ({})";
    AssignNobody => "（无）", "(none)";
    AssignManual => "手工", "manual";
    TargetKey => "键", "Key";
    RvOwnTargetNote => "* 本人目标", "* own target";
    RvOwnTarget => "本人目标（guanhu managers targets），非策略默认值", "the manager's own target (guanhu managers targets), not the policy's";
    TargetPolicy => "策略", "Policy";
    TargetOwn => "本人", "Own";
    TargetInEffect => "执行", "In effect";
    TargetSetForm => "--set 需写成 键=值（如 weekly.sales_count=8）：{}", "--set takes KEY=VALUE (such as weekly.sales_count=8): {}";
    RvPenetrationEach => "每项", "each";
    AssignWouldChange => "试运行，未写入：将改派 {} 位客户，分户日期 {}", "Dry run, nothing written: {} customers would be reassigned from {}";
    AssignChanged => "已改派 {} 位客户，分户日期 {}", "Reassigned {} customers from {}";
    Today => "日期", "Date";
    Store => "数据", "Store";
    AgeYoung => "青年", "Young";
    AgeSenior => "中老年", "Senior";
    PrefInvestment => "投资型", "Investment";
    PrefSavings => "储蓄型", "Savings";
    LifeProspect => "潜在", "Prospect";
    LifeNew => "新客户", "New";
    LifeEstablished => "老客户", "Established";
    LifeLoyal => "忠诚", "Loyal";
    LifeDormant => "沉睡", "Dormant";
    ColName => "姓名", "Name";
    ColTier => "分层", "Tier";
    ColSegment => "群组", "Segment";
    ColLifecycle => "生命周期", "Lifecycle";
    ColAum => "金融资产", "AUM";
    ColManager => "管户经理", "Manager";
    ColLastContact => "最近沟通", "Contacted";
    ColCustomerNo => "客户号", "Customer no.";
    ColPhone => "手机号", "Phone";
    Customers => "{} 位客户", "{} customers";
    SearchPrompt => "搜索", "Search";
    SearchHint => "姓名 / 拼音首字母 / 手机尾号 / 客户号", "name / pinyin initials / phone tail / customer no.";
    FilterPrompt => "筛选", "Filter";
    FilterAll => "全部", "All";
    NoMatch => "没有符合条件的客户。按 Esc 清除搜索与筛选。", "No customer matches. Press Esc to clear the search and filters.";
    EmptyTitle => "还没有客户", "No customers yet";
    EmptyBody => "第一步：导入核心系统导出的管户名单：", "First step: import the customer list exported by the core banking system:";
    EmptyDemo => "或者先用演示数据试一试：", "Or try guanhu on demo data first:";
    EmptyQuit => "按 q 退出。", "Press q to quit.";
    HelpTitle => "按键", "Keys";
    HelpClose => "按 ? 或 Esc 关闭", "Press ? or Esc to close";
    HelpScroll => "j/k 滚动 {}/{}", "j/k scroll {}/{}";
    HelpReflection => "编辑总结/计划", "Writing the reflection";
    DetailProfile => "基本信息", "Profile";
    DetailAssets => "金融资产", "Assets";
    DetailClass => "分层与群组", "Tier and segments";
    DetailHoldings => "持有产品", "Holdings";
    DetailTrend => "资产走势", "AUM trend";
    Gender => "性别", "Gender";
    Male => "男", "Male";
    Female => "女", "Female";
    BirthDate => "性别/生日", "Born";
    Age => "年龄", "Age";
    IdNumber => "证件号码", "ID number";
    Occupation => "职业", "Occupation";
    RiskLevel => "风险等级", "Risk level";
    RiskAssessedOn => "测评日期", "Assessed on";
    FirstTrade => "首次交易", "First trade";
    Tags => "标签", "Tags";
    Deposits => "存款", "Deposits";
    Wealth => "理财", "Wealth products";
    Funds => "基金", "Funds";
    Insurance => "保险", "Insurance";
    Bonds => "国债", "Bonds";
    OtherAssets => "其他", "Other";
    Total => "合计", "Total";
    ToNextTier => "距{}还差 {}", "To {}: {} to go";
    TopTier => "已是最高层级", "Top tier";
    Overridden => "（客户经理调整）", " (set by manager)";
    NoHoldings => "无持有产品", "No holdings";
    Product => "产品", "Product";
    Amount => "金额", "Amount";
    StartOn => "起始日", "Start";
    MaturityOn => "到期日", "Maturity";
    DaysLeft => "{} 天后", "in {} days";
    Matured => "已到期", "matured";
    Masked => "按 p 显示", "p to reveal";
    Revealed => "按 p 隐藏", "p to hide";
    NotRecorded => "未登记", "not recorded";
    NoSnapshots => "无余额记录", "No balance records";
    AsOf => "数据日期", "As of";
    Years => "岁", "y";
    KeyMove => "移动", "move";
    KeyOpen => "打开", "open";
    KeyFold => "折叠/展开", "fold/unfold";
    KeySearch => "搜索", "search";
    KeyFilter => "筛选", "filter";
    KeyHelp => "帮助", "help";
    KeyQuit => "退出", "quit";
    KeyBack => "返回", "back";
    KeyReveal => "显示/隐藏号码", "reveal/hide numbers";
    KeyTabs => "切换页面", "switch screen";
    KeyTop => "到顶/到底", "top/bottom";
    KeyPage => "翻页", "page";
    KeyClear => "清除", "clear";
    KeyCommand => "命令行", "command line";
    KeyFoldAll => "全部折叠/展开", "fold/unfold all";
    KeyNextFilter => "下一个筛选项", "next filter value";
    KeyConfirm => "确定", "confirm";
    CommandPrompt => "命令", "Command";
    UnknownCommand => "未知命令：{}（可用：q, help, today, customers, diary, ledgers, review, lang zh|en）", "Unknown command: {} (try: q, help, today, customers, diary, ledgers, review, lang zh|en)";
    Loading => "正在载入…", "Loading…";
    Failed => "出错：{}", "Error: {}";
    FilterTier => "分层", "Tier";
    FilterAge => "年龄", "Age";
    FilterPreference => "偏好", "Preference";
    FilterLifecycle => "生命周期", "Lifecycle";
    FilterTag => "标签", "Tag";
    KindCall => "电话", "Call";
    KindSms => "短信", "SMS";
    KindWechat => "微信", "WeChat";
    KindVisit => "面谈", "Visit";
    KindSale => "销售", "Sale";
    KindRisk => "风险测评", "Risk assessment";
    KindMemo => "备忘", "Memo";
    KindReflection => "感悟", "Reflection";
    OutReached => "已接通", "Reached";
    OutNotReached => "未接通", "Not reached";
    OutCallback => "约定回电", "Call back";
    OutRefused => "拒绝", "Refused";
    ProdFund => "基金", "Fund";
    ProdWealth => "理财", "Wealth product";
    ProdInsurance => "保险", "Insurance";
    ProdDeposit => "存款", "Deposit";
    ProdBond => "国债", "Bond";
    ProdCreditCard => "信用卡", "Credit card";
    ProdEBanking => "网银", "E-banking";
    ProdMobile => "手机银行", "Mobile banking";
    ProdPayroll => "代发工资", "Payroll";
    ProdOther => "其他", "Other";
    FieldOutcome => "结果", "Outcome";
    FieldNote => "内容", "Note";
    FieldTime => "时间", "Time";
    FieldFollowUp => "跟进", "Follow-up";
    FieldProductKind => "产品类型", "Product kind";
    FieldProductName => "产品名称", "Product name";
    FieldAmount => "金额", "Amount";
    FieldMaturity => "到期日", "Maturity";
    FieldRiskLevel => "风险等级", "Risk level";
    ErrTime => "时间格式：YYYY-MM-DD HH:MM 或 HH:MM", "Time as YYYY-MM-DD HH:MM or HH:MM";
    ErrFollowUp => "看不懂的时间：试试 +1h、+1d、明天 10:00", "Unreadable: try +1h, +1d, tomorrow 10:00";
    ErrAmount => "金额格式不对：如 300000、30万、300,000.00", "Not an amount: e.g. 300000, 300,000.00";
    ErrDate => "日期格式：YYYY-MM-DD", "Date as YYYY-MM-DD";
    LogTitle => "记录 {} · {}", "Log {} · {}";
    AmendTitle => "修改日志 #{} · {}", "Amend entry #{} · {}";
    LogKeysPlain => "Enter 保存  Esc 取消  Tab 下一项", "Enter save  Esc cancel  Tab next field";
    TodayWord => "今天", "today";
    LogKeys => "Enter 保存  Esc 取消  Tab 下一项  1-4 结果", "Enter save  Esc cancel  Tab next field  1-4 outcome";
    PickerKeys => "←/→ 选择", "←/→ choose";
    Saved => "已记录：{} · {}（u 撤销）", "Logged: {} · {} (u to undo)";
    SavedMany => "已记录 {} 条{}（u 撤销）", "Logged {} × {} (u to undo)";
    Amended => "已修改日志 #{}（u 撤销）", "Amended entry #{} (u to undo)";
    Deleted => "已删除日志 #{}（u 撤销）", "Deleted entry #{} (u to undo)";
    Undone => "已撤销（Ctrl-r 重做）", "Undone (Ctrl-r to redo)";
    Redone => "已重做", "Redone";
    NothingToUndo => "没有可撤销的操作", "Nothing to undo";
    NothingToRedo => "没有可重做的操作", "Nothing to redo";
    SelectCustomer => "请先选中一位客户", "Select a customer first";
    Saving => "正在保存…", "Saving…";
    KeyLog => "记录", "log";
    KeyUndo => "撤销/重做", "undo/redo";
    KeyMemo => "备忘/感悟", "memo/reflection";
    Cadence => "维护情况", "Cadence";
    LastSms => "上次短信", "Last SMS";
    LastContact => "上次沟通", "Contacted";
    LastVisit => "上次面谈", "Last visit";
    LastSale => "上次销售", "Last sale";
    LastRisk => "上次测评", "Last review";
    DaysAgo => "{}（{} 天前）", "{} ({}d ago)";
    Never => "从未", "never";
    Timeline => "日志", "Diary";
    NoEntries => "暂无记录。按 c 电话、s 短信、v 面谈、$ 销售。", "Nothing logged yet. Press c call, s SMS, v visit, $ sale.";
    AmendedMark => "（已修改）", " (amended)";
    ConfirmDelete => "删除这条日志？{} {} {}（保留记录，可撤销）  y 删除 / n 取消", "Delete this entry? {} {} {} (kept, undoable)  y delete / n keep";
    ConfirmDeleteBatch => "删除这一批 {} 条{}？（保留记录，可撤销）  y 删除 / n 取消", "Delete this batch of {} × {}? (kept, undoable)  y delete / n keep";
    BatchLine => "{} 位客户（Enter 展开）", "{} customers (Enter to open)";
    DiaryEmpty => "这一天没有记录。按 m 记备忘，在客户页按 c/s/v 记联系。", "Nothing logged this day. Press m for a memo; c/s/v on a customer to log a contact.";
    FollowUpsDue => "当天到期的跟进", "Follow-ups due";
    NoFollowUps => "无", "none";
    KeyDays => "前一天/后一天", "previous/next day";
    KeyToday => "今天", "today";
    KeyAmend => "修改", "amend";
    KeyDelete => "删除", "delete";
    KeyHistory => "修改记录", "history";
    HistoryTitle => "日志 #{} 的修改记录", "History of entry #{}";
    HistoryEmpty => "这条日志没有被修改过。", "This entry was never changed.";
    RevAmend => "修改前", "before amending";
    RevDelete => "删除前", "before deleting";
    RevRestore => "恢复前", "before restoring";
    RevUndo => "撤销前", "before undo";
    RevRedo => "重做前", "before redo";
    KeyScroll => "滚动", "scroll";
    KeyLedger => "基金/理财", "fund/wealth";
    KeyPeriod => "周/月/季", "week/month/qtr";
    KeyPeriodStep => "上一期/下一期", "prev/next";
    KeyThisPeriod => "本期", "current";
    KeyCustomPeriod => "自定义期间", "custom period";
    FundLedger => "基金销售台账", "Fund sales ledger";
    WealthLedger => "理财产品销售台账", "Wealth product sales ledger";
    PeriodWeek => "周", "Week";
    PeriodMonth => "月", "Month";
    PeriodQuarter => "季度", "Quarter";
    PeriodCustom => "自定义", "Custom";
    ColDate => "日期", "Date";
    NoSales => "本期没有销售记录。在客户上按 $ 记录销售。", "No sales in this period. Press $ on a customer to log one.";
    TotalsByProduct => "按产品合计", "Totals by product";
    SalesCount => "{} 笔", "{} sales";
    SmsTemplate => "{name}您好，", "Dear {name}, ";
    Marked => "已选 {} 位", "{} marked";
    KeyMark => "选中（群发短信）", "mark (bulk SMS)";
    KeyMarkGroup => "选中整组/全部结果", "mark group/all results";
    TodayProgress => "今日进度", "Progress";
    TodayDone => "已完成 {}/{}", "{}/{} done";
    TodayLeft => "待办 {}", "{} to do";
    TodayOverdue => "逾期 {}", "{} overdue";
    TodayShareLeft => "今日份剩 {}", "today's share: {} left";
    TodayCarried => "结转 {}", "{} carried over";
    TodaySunk => "{} 再试", "retry {}";
    TodayDayOff => "休息日", "Day off";
    TodayEmpty => "今日队列已清空。新的回电、到期和信号出现时会再列出。", "Today's queue is clear. New call-backs, maturities and signals will show here.";
    TodayNoMatch => "没有符合的行。按 Esc 清除筛选。", "No row matches. Press Esc to clear the filter.";
    TodayFilterHint => "姓名 / 拼音首字母 / 客户号", "name / pinyin initials / customer no.";
    ColReasons => "原因", "Why";
    ColHow => "方式", "How";
    PrefInvestmentShort => "投资", "Inv.";
    PrefSavingsShort => "储蓄", "Sav.";
    RsnCallback => "回电 {}", "call back {}";
    RsnMaturity => "{}到期 {} {}", "{} matures {} {}";
    RsnMaturityPassed => "{}已于 {} 到期 {}，未联系", "{} matured {} {}, no contact yet";
    RsnMaturityNear => "{}{}到期 {}", "{} matures {} {}";
    RsnOutflow => "大额转出 {}", "large outflow {}";
    RsnBirthday => "生日 {}", "birthday {}";
    RsnRiskNever => "未做风险测评", "no risk assessment";
    RsnRiskExpired => "风险测评已于 {} 过期", "risk assessment expired {}";
    RsnRiskExpiring => "风险测评 {} 到期（{}）", "risk assessment expires {} ({})";
    RsnUpgrade => "距{}差 {}", "upgrade to {}: {} short";
    RsnDowngrade => "降级风险", "downgrade risk";
    RsnNewCustomer => "新客户关怀", "new customer care";
    RsnDormant => "沉睡唤醒", "dormant: reactivate";
    RsnNoContact => "{}未沟通", "no contact {}";
    RsnNoVisit => "{}未面谈", "no visit {}";
    RsnNoSale => "{}未销售", "no sale {}";
    RsnNoRiskReview => "{}未复核风险测评", "no risk review {}";
    RsnNoSms => "{}未发短信", "no SMS {}";
    RsnDaysWithout => "{} 天未{}", "{} days since last {}";
    RsnNever => "从未{}", "no {} on record";
    RsnLast => " · 上次 {}", " · last {}";
    RsnBeforeEnd => "{}前需{}（剩 {} 天）", "by {}: {} ({} days left)";
    EndWeek => "周末", "week end";
    EndMonth => "月底", "month end";
    EndQuarter => "季末", "quarter end";
    EndYear => "年底", "year end";
    VerbContact => "沟通", "contact";
    VerbVisit => "面谈", "visit";
    VerbSale => "销售", "sale";
    VerbRiskReview => "复核风险测评", "risk review";
    VerbSms => "发短信", "SMS";
    RsnCallbackSoon => "回电 {}（{} 分钟后）", "call back {} (in {} min)";
    RsnCallbackYesterday => "回电 {}（昨天）", "call back {} (yesterday)";
    RsnCallbackLate => "回电 {}（已过 {} 天）", "call back {} ({}d late)";
    RsnCallbackStale => "回电 {}（搁置 {} 个月·X 关闭）", "call back {} ({} mo. old, X closes)";
    TouchCall => "已通话", "called";
    TouchSms => "已发短信", "SMS sent";
    TouchWechat => "已微信联系", "WeChat sent";
    TouchVisit => "已面谈", "visited";
    TouchSale => "已成交", "sold";
    TouchRisk => "已做风险测评", "risk assessed";
    TouchMemo => "已记备忘", "memo noted";
    NotReachedAt => "{} 未接通", "{} not reached";
    StillNeeds => "仍需：", "still: ";
    MoreReasons => "+{}", "+{}";
    WhyTitle => "为何在今日列表", "Why on today's list";
    WhyOpen => "待办", "open";
    WhyDoneBy => "已完成 · {} {}", "done · {} {}";
    WhySmsOwed => "本周短信未发（在群发行中）", "weekly SMS not sent (in the bulk SMS row)";
    WhyNotListed => "今日列表中没有此客户。", "Not on today's list.";
    KeyUpcomingHolds => "今日预约/暂缓列表", "upcoming/holds";
    KeyCloseCallback => "关闭此行的回电", "close the row's call-backs";
    CallbackClosedNote => "已关闭（X）", "closed (X)";
    CallbackClosed => "已关闭回电：{}（u 撤销）", "Call-backs closed: {} (u to undo)";
    NoCallbackHere => "此行没有待回电。", "No call-back on this row.";
    RsnSms => "本周短信：{} 位客户未发送（Enter 群发）", "Weekly SMS: {} customers not yet sent (Enter: bulk SMS)";
    SmsRowName => "本周短信", "Weekly SMS";
    InDays => "{} 天后", "in {} days";
    Tomorrow => "明天", "tomorrow";
    PerWeek => "本周", "this week";
    PerMonth => "本月", "this month";
    PerQuarter => "本季", "this quarter";
    PerYear => "本年", "this year";
    PerDays => "{} 天内", "in {} days";
    KeySnooze => "暂缓", "snooze";
    KeyDismiss => "本期忽略", "dismiss";
    KeyWhy => "评分", "score";
    SnoozeTitle => "暂缓 · {}", "Snooze · {}";
    SnoozeNextDay => "下个工作日", "Next working day";
    SnoozeNextWeek => "下周一", "Next Monday";
    SnoozeDate => "指定日期", "On a date";
    SnoozeKeys => "1 2 3 或 ↑↓ Enter 选择  Tab 下一项  Esc 取消", "1 2 3 or ↑↓ Enter choose  Tab next field  Esc cancel";
    DismissTitle => "本期忽略 · {}", "Dismiss · {}";
    DismissUntil => "至 {}", "until {}";
    DismissSettled => "已到期的回电不再提醒", "call-backs due so far settled";
    DismissKeys => "Enter 确定  Esc 取消", "Enter dismiss  Esc cancel";
    DismissSms => "本周不再提醒 {} 位客户的短信", "No SMS reminder this week for {} customers";
    FieldReason => "原因", "Reason";
    FieldHoldNote => "备注", "Note";
    ErrReasonRequired => "请写下原因", "Say why";
    Snoozed => "已暂缓：{} 至 {}（u 撤销）", "Snoozed: {} until {} (u to undo)";
    DismissedMsg => "已忽略：{} · {} 项（u 撤销）", "Dismissed: {} · {} reasons (u to undo)";
    // issue 12 (snoozes and dismissals you can see and take back)
    SnoozeKeysDate => "输入日期  Enter 下一步  Tab 下一项  Esc 取消", "type a date  Enter next  Tab next field  Esc cancel";
    SnoozeKeysNote => "Enter 保存  Tab 下一项  Esc 取消", "Enter save  Tab next field  Esc cancel";
    SnoozeMisses => "将错过：{}", "passes: {}";
    MissMaturity => "{} {} 到期", "{} matures {}";
    MissCallback => "回电 {}", "call-back {}";
    MissBirthday => "生日 {}", "birthday {}";
    NotWorkingDay => "{} 是非工作日", "{} is not a working day";
    ListSep => "、", ", ";
    WarnSep => "；", "; ";
    HoldsTitle => "暂缓与忽略 · {} 项", "Snoozed and dismissed · {}";
    HoldsEmpty => "没有暂缓或忽略的客户", "Nothing is snoozed or dismissed";
    HoldsKeys => "j/k 移动  u 或 Enter 解除  Esc 返回", "j/k move  u or Enter lift  Esc back";
    HoldsColCustomer => "客户", "Customer";
    HoldsColNo => "客户号", "No.";
    HoldsColWhat => "类型", "What";
    HoldsColUntil => "至", "Until";
    HoldsColMade => "设于", "Made";
    HoldSnoozeWord => "暂缓", "Snooze";
    HoldDismissWord => "忽略·{}", "Dismissed: {}";
    HoldSettled => "不再提醒", "settled";
    LiftedSnooze => "已解除暂缓：{}（返回后 u 撤销）", "Snooze lifted: {} (u undoes it, once back)";
    LiftedDismissal => "已解除忽略：{}（返回后 u 撤销）", "Dismissal lifted: {} (u undoes it, once back)";
    LiftedNothing => "这一项已不再暂缓或忽略", "That one was no longer held";
    NotACustomerRow => "这一行代表多位客户：Enter 或 s 群发短信", "This row stands for many customers: Enter or s sends the bulk SMS";
    BreakdownTitle => "评分明细 · {} · 第 {} 名", "Score · {} · rank {}";
    ColTerm => "项目", "Term";
    ColValue => "取值", "Value";
    ColCoefficient => "系数", "Coef.";
    ColProduct => "得分", "Points";
    BreakdownKeys => "j/k 上一行/下一行  Esc 关闭", "j/k previous/next row  Esc close";
    TermTier => "客户分层", "Tier";
    TermOverdue => "逾期程度", "Overdue";
    TermAmount => "涉及金额", "Money at stake";
    CodeCallback => "回电", "Call-back";
    CodeMaturity => "到期", "Maturity";
    CodeOutflow => "大额转出", "Large outflow";
    CodeBirthday => "生日", "Birthday";
    CodeRisk => "风险测评", "Risk assessment";
    CodeRiskReview => "风险复核", "Risk review";
    CodeContact => "未沟通", "No contact";
    CodeVisit => "未面谈", "No visit";
    CodeSale => "未销售", "No sale";
    CodeSms => "未发短信", "No SMS";
    CodeUpgrade => "可升级", "Upgrade";
    CodeDowngrade => "降级风险", "Downgrade risk";
    CodeNewCustomer => "新客户关怀", "New customer care";
    CodeDormant => "沉睡唤醒", "Dormant";
    // issue 12: the Upcoming view (今日预约), opened with `a` on Today.
    UpTitle => "今日预约 · 未来八天 {} 项", "Upcoming · {} in the next eight days";
    UpToday => "今天", "Today";
    UpTomorrow => "明天", "Tomorrow";
    UpWeekdays => "周一,周二,周三,周四,周五,周六,周日", "Mon,Tue,Wed,Thu,Fri,Sat,Sun";
    UpPastDue => "已过时", "past due";
    UpEmpty => "今天起八天内没有待办的回电、预约或备忘提醒", "No call-backs, appointments or memo reminders open in the next eight days";
    UpKeys => "j/k 移动  Enter 打开客户  Esc 关闭", "j/k move  Enter open customer  Esc close";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in T::ALL {
            assert!(!t.get(Lang::Zh).trim().is_empty(), "{t:?} zh");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
            let holes = |s: &str| s.matches("{}").count();
            assert_eq!(holes(t.get(Lang::Zh)), holes(t.get(Lang::En)), "{t:?}");
        }
    }

    #[test]
    fn lang_parses_locales() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
        assert_eq!(fill("{} 天后", &[&3]), "3 天后");
    }
}
