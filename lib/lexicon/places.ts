/**
 * Place names that turn a cyberspace office into a local one: 北京网信办 and
 * "Shanghai Cyberspace Administration" are provincial or city offices, not the CAC.
 *
 * Most local offices are written with an administrative suffix (北京市网信办,
 * 广东省网信办, 海淀区网信办), which the lexicon catches by the suffix alone; these
 * lists cover the names written without one. They hold every province-level division
 * and the cities most often in the news; a smaller city written without 市 is the case
 * they can miss.
 */

/** Province-level divisions and major cities, simplified and traditional where they differ. */
export const PLACES_ZH: readonly string[] = [
  // Province-level divisions
  '北京', '天津', '上海', '重庆', '重慶', '河北', '山西', '辽宁', '遼寧', '吉林', '黑龙江', '黑龍江',
  '江苏', '江蘇', '浙江', '安徽', '福建', '江西', '山东', '山東', '河南', '湖北', '湖南', '广东', '廣東',
  '海南', '四川', '贵州', '貴州', '云南', '雲南', '陕西', '陝西', '甘肃', '甘肅', '青海', '台湾', '台灣',
  '臺灣', '内蒙古', '內蒙古', '广西', '廣西', '西藏', '宁夏', '寧夏', '新疆', '香港', '澳门', '澳門',
  // Provincial capitals and other large cities
  '广州', '廣州', '深圳', '成都', '武汉', '武漢', '杭州', '南京', '西安', '沈阳', '瀋陽', '长春', '長春',
  '哈尔滨', '哈爾濱', '济南', '濟南', '青岛', '青島', '大连', '大連', '宁波', '寧波', '厦门', '廈門',
  '石家庄', '石家莊', '太原', '呼和浩特', '合肥', '福州', '南昌', '郑州', '鄭州', '长沙', '長沙', '南宁',
  '南寧', '海口', '贵阳', '貴陽', '昆明', '拉萨', '拉薩', '兰州', '蘭州', '西宁', '西寧', '银川', '銀川',
  '乌鲁木齐', '烏魯木齊', '苏州', '蘇州', '无锡', '無錫', '东莞', '東莞', '佛山', '温州', '溫州', '珠海',
  '汕头', '汕頭', '徐州', '常州', '南通', '泉州', '烟台', '煙台', '潍坊', '濰坊', '洛阳', '洛陽', '唐山',
  '保定', '绍兴', '紹興', '嘉兴', '嘉興', '金华', '金華', '惠州', '三亚', '三亞', '雄安',
];

/**
 * Characters that end a local administrative name: 市 省 区 县 州 盟 旗 镇 乡, 委 (the Party
 * committee a local office belongs to: 市委网信办, 省委网信办), 级 (各级, 市级) and 地
 * (各地, 当地, 属地: "local").
 */
export const LOCAL_SUFFIXES_ZH = '市省区區县縣州盟旗镇鎮乡鄉委级級地';

/** The same places in pinyin, as English-language pages write them. */
export const PLACES_PINYIN: readonly string[] = [
  'Beijing', 'Tianjin', 'Shanghai', 'Chongqing', 'Hebei', 'Shanxi', 'Liaoning', 'Jilin', 'Heilongjiang',
  'Jiangsu', 'Zhejiang', 'Anhui', 'Fujian', 'Jiangxi', 'Shandong', 'Henan', 'Hubei', 'Hunan', 'Guangdong',
  'Hainan', 'Sichuan', 'Guizhou', 'Yunnan', 'Shaanxi', 'Gansu', 'Qinghai', 'Taiwan', 'Inner Mongolia',
  'Guangxi', 'Tibet', 'Xizang', 'Ningxia', 'Xinjiang', 'Hong Kong', 'Macau', 'Macao',
  'Guangzhou', 'Shenzhen', 'Chengdu', 'Wuhan', 'Hangzhou', 'Nanjing', "Xi'an", 'Xian', 'Shenyang',
  'Changchun', 'Harbin', 'Jinan', 'Qingdao', 'Dalian', 'Ningbo', 'Xiamen', 'Shijiazhuang', 'Taiyuan',
  'Hohhot', 'Hefei', 'Fuzhou', 'Nanchang', 'Zhengzhou', 'Changsha', 'Nanning', 'Haikou', 'Guiyang',
  'Kunming', 'Lhasa', 'Lanzhou', 'Xining', 'Yinchuan', 'Urumqi', 'Suzhou', 'Wuxi', 'Dongguan', 'Foshan',
  'Wenzhou', 'Zhuhai', 'Xiong\'an', 'Sanya',
];

/** English words that mark a local office: "the Municipal Cyberspace Administration". */
export const LOCAL_WORDS_EN: readonly string[] = [
  'Municipal', 'Provincial', 'City', 'Province', 'District', 'County', 'Local', 'Regional', 'Prefectural',
  'Region', 'Autonomous Region', 'Prefecture',
];
