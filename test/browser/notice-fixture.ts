/**
 * A realistic notice for tests: 15 alliances with long Chinese names, several members each, one name
 * an applicant made hostile (markup, quotes, ampersands), awards that need thousands separators.
 */
import type { NoticeEntry, NoticeInput } from '../../shared/domain/notice.ts';

export const HOSTILE_NAME = `<script>alert(1)</script> "光谷" & '联盟' <img src=x onerror=alert(2)>`;

const sectors = {
  optoelectronics: '光电子',
  biomedicine: '生物医药与健康',
  materials: '新材料',
  'opto-mechatronics': '光机电一体化',
  environment: '资源与环境',
  energy: '新能源与高效节能',
  services: '高技术服务业',
  agriculture: '农业与农村',
};
const sectorIds = Object.keys(sectors);

const alliances: [string, string[], string[]][] = [
  [
    '武汉光谷高功率半导体激光器芯片与先进封装工艺协同创新联盟',
    ['武汉锐光半导体激光技术有限公司', '湖北华芯光电子材料股份有限公司'],
    ['武汉市光学学会', '华中科技大学科学技术协会'],
  ],
  [
    '长江中游城市群生物医药创新药物临床前研究与转化服务企会协作创新联盟',
    ['武汉康元生物医药科技有限公司'],
    ['武汉市药学会', '武汉市生物化学与分子生物学学会'],
  ],
  [HOSTILE_NAME, ['A&B "Quoted" 科技有限公司'], ['武汉市计算机学会']],
  [
    '新型高性能碳纤维复合材料轻量化汽车零部件研发与产业化协作联盟',
    ['武汉中碳新材料科技有限公司', '湖北东风零部件轻量化技术研究院有限公司'],
    ['武汉市材料研究学会'],
  ],
  [
    '智能制造数控机床精密光机电一体化系统集成与检测技术创新联盟',
    ['武汉华中精机数控设备有限公司'],
    ['武汉市机械工程学会', '武汉市仪器仪表学会'],
  ],
  [
    '东湖流域水环境综合治理与黑臭水体生态修复技术协同创新联盟',
    ['武汉清源环保工程技术有限公司'],
    ['武汉市环境科学学会'],
  ],
  [
    '分布式光伏储能一体化微电网与建筑节能关键技术企会协作联盟',
    ['武汉日新能源科技有限公司', '武汉智慧楼宇节能服务有限公司'],
    ['武汉市能源研究会', '武汉市建筑学会'],
  ],
  [
    '工业互联网平台与中小企业数字化转型公共服务企会协作创新联盟',
    ['武汉数联工业互联网科技有限公司'],
    ['武汉市电子学会'],
  ],
  [
    '优质稻米绿色高效种植与农产品精深加工技术推广协作联盟',
    ['武汉楚禾农业科技发展有限公司'],
    ['武汉市农学会', '武汉市作物学会'],
  ],
  [
    '高端医疗影像设备核心部件国产化研制与临床验证协同创新联盟',
    ['武汉联影精密医疗器械有限公司'],
    ['武汉市生物医学工程学会'],
  ],
  [
    '光纤传感网络在城市桥梁隧道结构健康监测中的应用创新联盟',
    ['武汉光感智能监测技术有限公司'],
    ['武汉市土木建筑学会', '武汉理工大学科学技术协会'],
  ],
  [
    '锂离子动力电池梯次利用与废旧电池材料循环再生技术协作联盟',
    ['武汉循环新能源材料有限公司'],
    ['武汉市化学化工学会'],
  ],
  [
    '北斗高精度定位与智慧物流无人配送系统关键技术企会协作联盟',
    ['武汉北斗星联导航科技有限公司', '武汉速达智慧物流有限公司'],
    ['武汉市测绘学会'],
  ],
  [
    '中药材规范化种植与中药配方颗粒质量标准研究协同创新联盟',
    ['武汉本草堂中药科技有限公司'],
    ['武汉市中医药学会'],
  ],
  [
    '高技术服务业知识产权运营与科技成果转移转化公共服务联盟',
    ['武汉知创科技服务有限公司'],
    ['武汉市科技情报学会', '武汉大学科学技术协会'],
  ],
];

/** Awards between 200,000 and 800,000 yuan; the ranks are given out of order on purpose. */
export const fixtureEntries: NoticeEntry[] = alliances
  .map(([name, enterprises, societies], i) => ({
    allianceId: `al-2027-${String(i + 1).padStart(3, '0')}`,
    name,
    members: [
      ...societies.map((n) => ({ name: n, kind: 'society' as const })),
      ...enterprises.map((n) => ({ name: n, kind: 'enterprise' as const })),
    ],
    sectors: i % 4 === 0 ? [sectorIds[i % 8]!, sectorIds[(i + 3) % 8]!] : [sectorIds[i % 8]!],
    serviceTypes: i % 3 === 0 ? [4, 1, 6] : [(i % 7) + 1],
    award: 800_000 - i * 37_500,
    rank: i + 1,
    finalScore: Math.round((95 - i * 1.3) * 100) / 100,
  }))
  .reverse();

export const fixtureInput: NoticeInput = {
  round: { id: 'r2027', name: '2027年度企会协作创新计划', year: 2027, noticePeriodDays: 7 },
  entries: fixtureEntries,
  publishedAt: '2027-03-31T16:00:00Z',
  endsAt: '2027-04-07T16:00:00Z',
  objectionUrl: 'http://127.0.0.1:3000/v1/public/rounds/r2027/objections',
  sectorNames: sectors,
};

export const fixtureTotal = fixtureEntries.reduce((sum, e) => sum + e.award, 0);
