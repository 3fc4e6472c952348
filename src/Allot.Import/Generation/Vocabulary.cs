namespace Allot.Import.Generation;

/// <summary>The fixed word lists the generator draws from. Order matters: indices are part of the output.</summary>
internal static class Vocabulary
{
    /// <summary>30 provincial-level regions: plain ASCII values, since they are matched against rep regions.</summary>
    public static readonly string[] Regions =
    [
        "North China - Beijing", "North China - Tianjin", "North China - Hebei", "North China - Shanxi",
        "North China - Inner Mongolia", "Northeast - Liaoning", "Northeast - Jilin", "Northeast - Heilongjiang",
        "East China - Shanghai", "East China - Jiangsu", "East China - Zhejiang", "East China - Anhui",
        "East China - Fujian", "East China - Jiangxi", "East China - Shandong", "Central China - Henan",
        "Central China - Hubei", "Central China - Hunan", "South China - Guangdong", "South China - Guangxi",
        "South China - Hainan", "Southwest - Chongqing", "Southwest - Sichuan", "Southwest - Guizhou",
        "Southwest - Yunnan", "Northwest - Shaanxi", "Northwest - Gansu", "Northwest - Qinghai",
        "Northwest - Ningxia", "Northwest - Xinjiang",
    ];

    /// <summary>Relative share of customers per region (roughly economic weight).</summary>
    public static readonly double[] RegionWeights =
    [
        6, 3, 4, 2, 1.5, 3, 1.5, 2,
        7, 9, 8, 3.5,
        4, 2, 7, 4.5,
        4, 3.5, 11, 2,
        0.7, 2.5, 4.5, 1.5,
        2, 2.5, 1, 0.4,
        0.4, 1,
    ];

    /// <summary>Sales area (for team names) of each region.</summary>
    public static readonly int[] RegionArea =
    [
        0, 0, 0, 0, 0, 1, 1, 1,
        2, 2, 2, 2, 2, 2, 2, 3,
        3, 3, 4, 4, 4, 5, 5, 5,
        5, 6, 6, 6, 6, 6,
    ];

    /// <summary>Sales area names used for teams.</summary>
    public static readonly string[] Areas = ["华北", "东北", "华东", "华中", "华南", "西南", "西北"];

    /// <summary>Cities of each region (the first is the capital and gets the largest share).</summary>
    public static readonly string[][] Cities =
    [
        ["北京"], ["天津"], ["石家庄", "唐山", "保定", "廊坊"], ["太原", "大同"],
        ["呼和浩特", "包头"], ["沈阳", "大连", "鞍山"], ["长春", "吉林"], ["哈尔滨", "大庆"],
        ["上海"], ["南京", "苏州", "无锡", "常州", "南通"], ["杭州", "宁波", "温州", "嘉兴", "金华"], ["合肥", "芜湖"],
        ["福州", "厦门", "泉州"], ["南昌", "赣州"], ["济南", "青岛", "烟台", "潍坊"], ["郑州", "洛阳"],
        ["武汉", "宜昌", "襄阳"], ["长沙", "株洲"], ["广州", "深圳", "东莞", "佛山", "珠海"], ["南宁", "柳州", "桂林"],
        ["海口", "三亚"], ["重庆"], ["成都", "绵阳"], ["贵阳", "遵义"],
        ["昆明", "大理"], ["西安", "宝鸡"], ["兰州"], ["西宁"],
        ["银川"], ["乌鲁木齐"],
    ];

    /// <summary>Twelve industries, plain values.</summary>
    public static readonly string[] Industries =
    [
        "Manufacturing", "Retail", "Wholesale Trade", "Construction", "Healthcare", "Education",
        "IT Services", "Logistics", "Hospitality", "Agriculture", "Energy", "Finance",
    ];

    /// <summary>Relative share of customers per industry.</summary>
    public static readonly double[] IndustryWeights = [16, 15, 12, 9, 7, 5, 8, 7, 8, 5, 4, 4];

    /// <summary>Company name middle part per industry (what the company does).</summary>
    public static readonly string[][] IndustryWords =
    [
        ["机械制造", "电子", "精密模具", "实业"], ["商贸", "百货"], ["贸易", "商贸"], ["建材", "建筑工程", "装饰工程"],
        ["医疗器械", "医药"], ["教育科技", "文化传播"], ["信息技术", "软件", "网络科技"], ["物流", "供应链管理", "货运"],
        ["餐饮管理", "酒店管理"], ["农业科技", "生态农业"], ["能源", "新能源科技"], ["投资管理", "金融服务"],
    ];

    /// <summary>Customer types, written as in <c>Allot.Core.Customers.CustomerType</c>.</summary>
    public static readonly string[] Types = ["retail", "wholesale", "enterprise", "distributor"];

    /// <summary>Share of each type among customers.</summary>
    public static readonly double[] TypeWeights = [0.62, 0.18, 0.15, 0.05];

    /// <summary>Product categories.</summary>
    public static readonly string[] Categories =
    [
        "Office Supplies", "Electronics", "Furniture", "Industrial Parts", "Packaging",
        "Cleaning Supplies", "Food & Beverage", "Software Licenses",
    ];

    /// <summary>Mean profit margin of each category.</summary>
    public static readonly double[] CategoryMargins = [0.28, 0.12, 0.22, 0.18, 0.15, 0.32, 0.10, 0.55];

    /// <summary>Common Chinese surnames.</summary>
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
        "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    ];

    /// <summary>Characters for given names.</summary>
    public static readonly string[] GivenChars =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
        "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玲", "建", "国", "文", "辉", "鹏", "宇", "浩",
    ];

    /// <summary>Characters for company brand names (字号).</summary>
    public static readonly string[] BrandChars =
    [
        "华", "力", "鑫", "源", "达", "泰", "恒", "盛", "嘉", "宏", "兴", "隆", "信", "诚", "创", "科",
        "博", "瑞", "丰", "通", "远", "腾", "新", "天", "金", "海", "中", "联", "邦", "益", "永", "安",
        "德", "顺", "和", "立", "凯", "威", "美", "佳", "乐", "福", "昌", "润", "晟", "弘", "铭", "卓",
        "亿", "万", "正", "东", "方", "明", "光", "星", "宇", "辰", "峰", "汇", "捷", "聚", "康", "锦",
    ];

    /// <summary>Shop kinds for retail customers that are shops rather than people.</summary>
    public static readonly string[] ShopKinds = ["便利店", "超市", "五金店", "文具店", "商行", "小卖部", "数码店"];

    /// <summary>Legal-form suffixes for companies.</summary>
    public static readonly string[] CompanySuffixes = ["有限公司", "有限公司", "有限公司", "股份有限公司"];

    /// <summary>Free mail domains.</summary>
    public static readonly string[] MailDomains = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com"];

    /// <summary>Letters used for email local parts.</summary>
    public const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>Interaction kinds, written as lower-case <c>InteractionKind</c> names.</summary>
    public static readonly string[] InteractionKinds = ["visit", "call", "message", "email", "meeting"];

    /// <summary>Interaction outcomes.</summary>
    public static readonly string[] Outcomes = ["跟进中", "已报价", "成交", "需再联系", "无意向", "已回访", "投诉处理"];

    /// <summary>Interaction notes; some contain commas and quotes on purpose.</summary>
    public static readonly string[] Notes =
    [
        "", "", "", "客户询问新品价格", "确认下月采购计划", "送样品, 等待反馈", "催收货款", "节日问候",
        "介绍促销活动", "客户反映交货慢", "讨论年度框架协议", "客户说\"再考虑一下\"", "更新联系人信息", "安排技术支持",
    ];

    /// <summary>Feedback comments by satisfaction (index 0 = score 1).</summary>
    public static readonly string[][] Comments =
    [
        ["质量太差", "多次投诉无人处理", "发货延迟, 很失望"],
        ["价格偏高", "售后响应慢", "包装有破损"],
        ["一般", "还可以", "希望改进配送时效"],
        ["服务不错", "交货及时", "产品质量稳定, 会继续合作"],
        ["非常满意", "销售代表很专业", "物超所值, 推荐给同行"],
    ];
}
