"""Static reference data for the FundGuard synthetic dataset: catalogue items, item relations,
diagnoses, names. Pure data, deterministic; no randomness here."""

# Catalogue row fields (hilist_b order, see data-contract.md):
HILIST_COLS = [
    "hilist_code", "hilist_name", "list_type", "med_chrgitm_type", "chrgitm_lv",
    "pric_uplmt_lv1", "pric_uplmt_lv2", "pric_uplmt_lv3", "lmt_gend", "lmt_age_min",
    "lmt_age_max", "lmt_dise", "lmt_inhosp", "max_daily_cnt", "rx_flag", "key_monitor",
    "research_flag", "lmt_hosp_lv", "lmt_insutype", "lmt_course_days", "lmt_freq_cnt",
    "lmt_freq_days", "item_group",
]


def _item(code, name, lt, ct, lv, price, group, ceil=None, **kw):
    """price: yuan, the standard unit price. ceil: (lv1, lv2, lv3) yuan ceilings or None.
    Clean data bills ceiling items at exactly their ceiling for the institution level when
    price is None, otherwise at `price` (which must be <= every ceiling)."""
    d = dict(code=code, name=name, list_type=lt, chrg=ct, lv=lv, price=price, group=group,
             ceil=ceil, lmt_gend=None, lmt_age_min=None, lmt_age_max=None, lmt_dise=None,
             lmt_inhosp=None, max_daily=None, rx=None, key=None, research=None,
             lmt_hosp_lv=None, lmt_insutype=None, course=None, freq_cnt=None, freq_days=None,
             scenario_only=False)
    d.update(kw)
    return d


# ------------------------------------------------------------------ drugs (list_type 101)
# Codes follow the national drug code shape (X + ATC + generic + form + seq, 14+ chars);
# Z-codes are 中成药. max_daily is set only where the catalogue gives a daily maximum.
DRUGS = [
    _item("XC10AAA067A001", "阿托伐他汀钙片", "101", "09", "02", 2.10, "DRUG", rx="1"),
    _item("XC08CAA016A001", "苯磺酸氨氯地平片", "101", "09", "01", 0.35, "DRUG", rx="1"),
    _item("XC09CAX023A001", "缬沙坦胶囊", "101", "09", "01", 1.20, "DRUG", rx="1"),
    _item("XA10BAE032A001", "盐酸二甲双胍片", "101", "09", "01", 0.18, "DRUG", rx="1"),
    _item("XA10BHS101A001", "磷酸西格列汀片", "101", "09", "02", 3.20, "DRUG", rx="1", lmt_dise="E11"),
    _item("XA10AEG032B001", "甘精胰岛素注射液", "101", "09", "02", 68.00, "DRUG", rx="1", lmt_insutype="310"),
    _item("XJ01CAA040E001", "阿莫西林胶囊", "101", "09", "01", 0.42, "DRUG", rx="1", max_daily=4),
    _item("XJ01DCT070B001", "注射用头孢呋辛钠", "101", "09", "01", 12.60, "DRUG", rx="1", max_daily=3),
    _item("XJ01FAA050A001", "阿奇霉素片", "101", "09", "01", 2.80, "DRUG", rx="1", max_daily=2),
    _item("XJ01XDF004B001", "注射用磷霉素钠", "101", "09", "02", 18.50, "DRUG", rx="1", max_daily=2, course=7),
    _item("XJ01DHM047B002", "注射用美罗培南", "101", "09", "02", 96.00, "DRUG", rx="1", max_daily=3, lmt_inhosp="1"),
    _item("XA02BCA211A001", "奥美拉唑肠溶胶囊", "101", "09", "01", 0.85, "DRUG", rx="1"),
    _item("XA02BCP103B001", "注射用泮托拉唑钠", "101", "09", "02", 15.80, "DRUG", rx="1", max_daily=2),
    _item("XB01ACA056A001", "阿司匹林肠溶片", "101", "09", "01", 0.15, "DRUG", rx="1"),
    _item("XB01ACL065A001", "硫酸氢氯吡格雷片", "101", "09", "02", 3.10, "DRUG", rx="1"),
    _item("XB05BAP017B001", "复方氨基酸注射液", "101", "09", "02", 23.00, "DRUG", rx="1", max_daily=2),
    _item("XB05CBL023B001", "氯化钠注射液", "101", "09", "01", 3.50, "DRUG", rx="1", max_daily=4),
    _item("XB05BAG015B001", "葡萄糖注射液", "101", "09", "01", 3.20, "DRUG", rx="1", max_daily=4),
    _item("XN02BEA027A001", "对乙酰氨基酚片", "101", "09", "01", 0.12, "DRUG", rx="0"),
    _item("XR06AXL036A001", "氯雷他定片", "101", "09", "01", 1.30, "DRUG", rx="0"),
    _item("XR05CBA093E001", "小儿止咳糖浆", "101", "09", "02", 18.50, "DRUG", rx="0", lmt_age_max=14, max_daily=1),
    _item("XM05BAA011A001", "阿仑膦酸钠片", "101", "09", "02", 5.60, "DRUG", rx="1", lmt_age_min=50, max_daily=1),
    _item("XG04CAT038A001", "盐酸坦索罗辛缓释胶囊", "101", "09", "02", 4.20, "DRUG", rx="1", lmt_gend="1"),
    _item("XG03DAJ078A001", "黄体酮胶囊", "101", "09", "02", 3.40, "DRUG", rx="1", lmt_gend="2"),
    _item("XN07XXE028B001", "依达拉奉注射液", "101", "09", "02", 42.00, "DRUG", rx="1", max_daily=2),
    _item("XB05AAR021B001", "人血白蛋白注射液", "101", "09", "02", 380.00, "DRUG", rx="1", lmt_inhosp="1", key="1", max_daily=3),
    _item("XN06BXN040B001", "注射用鼠神经生长因子", "101", "09", "02", 165.00, "DRUG", rx="1", key="1", max_daily=1),
    _item("XL01XCR096B001", "利妥昔单抗注射液", "101", "09", "02", 1800.00, "DRUG", rx="1", lmt_hosp_lv="2", max_daily=1),
    _item("XL04AXL032A001", "来那度胺胶囊", "101", "09", "02", 55.00, "DRUG", rx="1", lmt_insutype="310", max_daily=1),
    _item("XH02ABD038B001", "地塞米松磷酸钠注射液", "101", "09", "01", 0.90, "DRUG", rx="1", max_daily=4),
    _item("XC01DAX012A001", "单硝酸异山梨酯缓释片", "101", "09", "01", 1.05, "DRUG", rx="1"),
    _item("XA11GAW002A001", "维生素C片", "101", "09", "03", 0.05, "DRUG", rx="0"),
    # key-monitored drugs used only by scenario injections (DR-06, NT-05)
    _item("XL01CDZ016B001", "注射用紫杉醇（白蛋白结合型）", "101", "09", "02", 1200.00, "DRUG", rx="1", key="1", scenario_only=True),
    _item("XA16AXD001A001010100001", "硫辛酸胶囊 0.1g×24", "101", "09", "02", 6.00, "DRUG", rx="1", key="1", scenario_only=True),
    _item("XA16AXD001A001010200002", "硫辛酸胶囊 0.2g×12", "101", "09", "02", 9.00, "DRUG", rx="1", key="1", scenario_only=True),
    # 中成药 / 中药饮片
    _item("ZA01AAB0045010100", "板蓝根颗粒", "101", "11", "01", 1.50, "DRUG", rx="0"),
    _item("ZA12BAT0133010100", "复方丹参滴丸", "101", "11", "01", 0.30, "DRUG", rx="0"),
    _item("ZA04CAX0271010200", "连花清瘟胶囊", "101", "11", "02", 0.55, "DRUG", rx="0"),
    _item("T001700368", "黄芪（饮片）", "102", "10", "02", 0.25, "DRUG"),
    _item("T000200510", "当归（饮片）", "102", "10", "02", 0.40, "DRUG"),
]

# ------------------------------------------------------------------ services (list_type 201)
SERVICES = [
    _item("001102000010000", "床位费（三人间）", "201", "01", "01", None, "BED", ceil=(25.00, 30.00, 40.00), max_daily=1),
    _item("001102000020000", "床位费（双人间）", "201", "01", "01", None, "BED", ceil=(40.00, 50.00, 60.00), max_daily=1),
    _item("001201000010000", "一级护理", "201", "07", "01", None, "NURSING", ceil=(20.00, 25.00, 30.00), max_daily=1),
    _item("001201000020000", "二级护理", "201", "07", "01", None, "NURSING", ceil=(12.00, 14.00, 16.00), max_daily=1),
    _item("110200001000000", "门诊诊查费", "201", "02", "01", None, "OTHER", ceil=(8.00, 10.00, 12.00), max_daily=1),
    _item("110200005000000", "住院诊查费", "201", "02", "01", None, "OTHER", ceil=(12.00, 15.00, 20.00), max_daily=1),
    _item("110900001000000", "一般诊疗费", "201", "12", "01", None, "OTHER", ceil=(10.00, 10.00, 10.00), max_daily=1),
    _item("120400006000000", "静脉输液", "201", "05", "01", None, "TREATMENT", ceil=(8.00, 9.00, 10.00), max_daily=3),
    _item("120400002000000", "肌肉注射", "201", "05", "01", None, "TREATMENT", ceil=(2.50, 3.00, 3.50), max_daily=4),
    _item("121600001000000", "吸氧", "201", "05", "01", None, "TREATMENT", ceil=(2.00, 2.50, 3.00), max_daily=24),
    _item("250101015000000", "血常规（五分类）", "201", "04", "01", None, "LAB", ceil=(18.00, 20.00, 22.00), max_daily=2),
    _item("250102035000000", "血糖测定（快速）", "201", "04", "01", None, "LAB", ceil=(6.00, 7.00, 8.00), max_daily=2),
    _item("250301001000000", "肝功能（八项）", "201", "04", "01", None, "LAB", ceil=(40.00, 45.00, 50.00), max_daily=1),
    _item("250302001000000", "肾功能（三项）", "201", "04", "01", None, "LAB", ceil=(20.00, 24.00, 28.00), max_daily=1),
    _item("250303001000000", "血脂（四项）", "201", "04", "01", None, "LAB", ceil=(28.00, 32.00, 36.00), max_daily=1),
    _item("250304001000000", "电解质（四项）", "201", "04", "02", None, "LAB", ceil=(16.00, 18.00, 20.00), max_daily=1),
    _item("250203001000000", "凝血四项", "201", "04", "02", None, "LAB", ceil=(55.00, 60.00, 66.00), max_daily=1),
    _item("250310021000000", "糖化血红蛋白测定", "201", "04", "02", None, "LAB", ceil=(50.00, 55.00, 60.00), max_daily=1, freq_cnt=1, freq_days=15),
    _item("250104001000000", "尿常规", "201", "04", "01", None, "LAB", ceil=(8.00, 9.00, 10.00), max_daily=1),
    _item("250401001000000", "C反应蛋白测定", "201", "04", "02", None, "LAB", ceil=(25.00, 28.00, 30.00), max_daily=1),
    _item("250402001000000", "降钙素原检测", "201", "04", "02", None, "LAB", ceil=(120.00, 130.00, 140.00), max_daily=1),
    _item("250403001000000", "肌钙蛋白I测定", "201", "04", "02", None, "LAB", ceil=(70.00, 80.00, 90.00), max_daily=1),
    _item("250501001000000", "乙肝五项", "201", "04", "02", None, "LAB", ceil=(45.00, 50.00, 55.00), max_daily=1),
    _item("250601001000000", "前列腺特异性抗原测定", "201", "04", "02", None, "LAB", ceil=(60.00, 65.00, 70.00), max_daily=1, lmt_gend="1"),
    _item("311201000010000", "宫颈刮片检查", "201", "03", "02", None, "EXAM", ceil=(25.00, 28.00, 30.00), max_daily=1, lmt_gend="2"),
    _item("210300001000000", "X线计算机体层（CT）平扫（头颅）", "201", "03", "01", None, "CT", ceil=(150.00, 180.00, 200.00), max_daily=1),
    _item("210300002000000", "X线计算机体层（CT）平扫（胸部）", "201", "03", "01", None, "CT", ceil=(160.00, 190.00, 210.00), max_daily=1),
    _item("210400001000000", "磁共振平扫（头颅）", "201", "03", "02", None, "MRI", ceil=(450.00, 500.00, 560.00), max_daily=1, lmt_hosp_lv="2"),
    _item("210102001000000", "数字化摄影（DR）胸部正位", "201", "03", "01", None, "EXAM", ceil=(50.00, 55.00, 60.00), max_daily=1),
    _item("220201001000000", "彩色多普勒超声（腹部）", "201", "03", "01", None, "EXAM", ceil=(100.00, 110.00, 120.00), max_daily=1),
    _item("220600001000000", "超声心动图", "201", "03", "02", None, "EXAM", ceil=(160.00, 180.00, 200.00), max_daily=1),
    _item("310701001000000", "常规心电图检查", "201", "03", "01", None, "EXAM", ceil=(15.00, 18.00, 20.00), max_daily=2),
    _item("310701022000000", "动态心电图", "201", "03", "02", None, "EXAM", ceil=(120.00, 135.00, 150.00), max_daily=1),
    _item("340200003000000", "运动疗法", "201", "05", "02", None, "REHAB", ceil=(30.00, 35.00, 40.00), max_daily=2),
    _item("340200010000000", "作业疗法", "201", "05", "02", None, "REHAB", ceil=(25.00, 28.00, 30.00), max_daily=2),
    _item("340100015000000", "针刺", "201", "05", "01", None, "REHAB", ceil=(15.00, 18.00, 20.00), max_daily=2),
    _item("003105010010000", "血液透析", "201", "05", "01", None, "DIALYSIS", ceil=(400.00, 430.00, 450.00), max_daily=1),
    _item("003105010030000", "血液灌流", "201", "05", "02", None, "DIALYSIS", ceil=(380.00, 390.00, 400.00), max_daily=1),
    # operations: a package and its components (item_rel_b includes), PCI, fracture fixation
    _item("003301000010000", "腹腔镜下胆囊切除术（含术中胆道造影、腹腔冲洗）", "201", "06", "01", None, "SURGERY", ceil=(1800.00, 2100.00, 2400.00), max_daily=1),
    _item("003301000020000", "术中胆道造影", "201", "06", "01", None, "SURGERY", ceil=(900.00, 1000.00, 1100.00), max_daily=1),
    _item("003301000030000", "腹腔冲洗引流", "201", "06", "01", None, "SURGERY", ceil=(1000.00, 1200.00, 1400.00), max_daily=1),
    _item("330703003000000", "经皮冠状动脉支架置入术", "201", "06", "01", None, "SURGERY", ceil=(3800.00, 4200.00, 4600.00), max_daily=1, lmt_hosp_lv="3"),
    _item("331501015000000", "股骨颈骨折闭合复位内固定术", "201", "06", "01", None, "SURGERY", ceil=(2200.00, 2500.00, 2800.00), max_daily=1),
    _item("311300007000000", "细胞因子活化杀伤（CIK）细胞输注治疗", "201", "05", "02", None, "TREATMENT", ceil=(4500.00, 4500.00, 4500.00), research="1", max_daily=1),
    _item("331100000010000", "美容性激光治疗", "201", "05", "03", None, "TREATMENT", ceil=(300.00, 300.00, 300.00)),
    _item("130100001000000", "心理咨询", "201", "14", "03", None, "OTHER", ceil=(40.00, 50.00, 60.00)),
]

# ------------------------------------------------------------------ consumables (list_type 301)
CONSUMABLES = [
    _item("C14080802200001", "一次性使用止血夹", "301", "08", "02", 80.00, "CONSUMABLE", ceil=(100.00, 100.00, 100.00)),
    _item("C02030112700003", "一次性使用输液器", "301", "08", "01", 2.40, "CONSUMABLE", ceil=(3.00, 3.00, 3.00), max_daily=4),
    _item("C02030213100001", "一次性使用静脉留置针", "301", "08", "02", 12.00, "CONSUMABLE", ceil=(15.00, 15.00, 15.00), max_daily=2),
    _item("C10070116903000", "血液透析器", "301", "08", "02", 98.00, "CONSUMABLE", ceil=(120.00, 120.00, 120.00), max_daily=1),
    _item("C10070216903001", "血液透析管路", "301", "08", "02", 45.00, "CONSUMABLE", ceil=(60.00, 60.00, 60.00), max_daily=1),
    _item("C03011503800001", "药物洗脱冠脉支架", "301", "08", "02", 780.00, "STENT", ceil=(800.00, 800.00, 800.00)),
    _item("C03011503800002", "冠脉球囊扩张导管", "301", "08", "02", 260.00, "CONSUMABLE", ceil=(300.00, 300.00, 300.00)),
    _item("C13010110400001", "空心加压螺钉", "301", "08", "02", 620.00, "IMPLANT", ceil=(700.00, 700.00, 700.00)),
    _item("C01020200500001", "一次性使用无菌导尿包", "301", "08", "02", 18.00, "CONSUMABLE", ceil=(25.00, 25.00, 25.00), max_daily=2),
]

CATALOG = DRUGS + SERVICES + CONSUMABLES
ITEMS = {it["code"]: it for it in CATALOG}

# item_rel_b rows: (code_a, code_b, rel)
ITEM_REL = [
    ("003301000010000", "003301000020000", "includes"),
    ("003301000010000", "003301000030000", "includes"),
    ("120400006000000", "120400002000000", "exclusive"),
    ("110200005000000", "110200001000000", "exclusive"),
    ("110200005000000", "110900001000000", "exclusive"),
    ("C10070116903000", "003105010010000", "requires"),
    ("C10070216903001", "003105010010000", "requires"),
]

# Goods a pharmacy might sell that are not in the catalogue (PH-01 injections only).
NON_CATALOG_GOODS = [
    ("H99000000000001", "保湿面霜", "14", 128.00),
    ("H99000000000002", "蛋白粉", "14", 198.00),
    ("H99000000000003", "洗发水", "14", 59.90),
]

# Codes for CH-06 injections: a hospital line billed with a code that is not in hilist_b.
NON_CATALOG_HOSP = [("C99999999999901", "自购止血材料", "301", "08", 50.00)]

# ------------------------------------------------------------------ diagnoses
# (code, name, sex) sex None = any
INPATIENT_DX = [
    ("I63.900", "脑梗死", None), ("I61.900", "脑出血", None), ("J18.900", "肺炎", None),
    ("J44.100", "慢性阻塞性肺病伴有急性加重", None), ("I50.900", "心力衰竭", None),
    ("I21.900", "急性心肌梗死", None), ("I25.103", "冠状动脉粥样硬化性心脏病", None),
    ("E11.900", "2型糖尿病", None), ("I10.x00", "原发性高血压", None),
    ("K80.100", "胆囊结石伴胆囊炎", None), ("S72.000", "股骨颈骨折", None),
    ("N18.500", "慢性肾脏病5期", None), ("C34.900", "支气管或肺恶性肿瘤", None),
    ("K92.200", "消化道出血", None), ("N39.000", "泌尿道感染", None),
]
# K80 inpatient stays: only scenario IN-04 uses 'K81' (another category); clean uses K80.
OUTPATIENT_DX = [
    ("J06.900", "急性上呼吸道感染", None), ("J20.900", "急性支气管炎", None),
    ("K29.700", "胃炎", None), ("M54.500", "下背痛", None), ("R51.x00", "头痛", None),
    ("I10.x00", "原发性高血压", None), ("E11.900", "2型糖尿病", None),
    ("J02.900", "急性咽炎", None), ("L30.900", "皮炎", None), ("H10.900", "结膜炎", None),
    ("N76.000", "急性阴道炎", "2"), ("N40.x00", "前列腺增生", "1"), ("M81.900", "骨质疏松", None),
]
MILD_PREFIXES = ["J00", "J02", "J03", "J06", "J20", "A09", "K29", "K30", "M54", "R42", "R51",
                 "Z00", "Z01", "Z13"]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志明海波红梅文斌俊峰晓东丹凤雪梅宇航"
TOWNS = ["玄武", "秦淮", "建邺", "鼓楼", "浦口", "栖霞", "雨花台", "江宁", "六合", "溧水", "高淳",
         "东山", "淳化", "汤山", "龙潭", "八卦洲", "桥林", "永阳", "横溪", "铜井", "谷里", "禄口"]
DEPTS = [("D01", "内科"), ("D02", "外科"), ("D03", "神经内科"), ("D04", "心内科"),
         ("D05", "呼吸内科"), ("D06", "骨科"), ("D07", "肾内科"), ("D08", "康复科")]
