/**
 * Common Chinese family names in pinyin. "Wang Qinglang" is a person whose given name
 * is spelled like the campaign; written family name first, the name right before it
 * gives the person away.
 */
export const SURNAMES_PINYIN: readonly string[] = [
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu',
  'Hu', 'Guo', 'He', 'Gao', 'Lin', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng',
  'Cao', 'Peng', 'Zeng', 'Xiao', 'Tian', 'Dong', 'Yuan', 'Pan', 'Yu', 'Jiang', 'Cai', 'Du', 'Ye', 'Cheng',
  'Su', 'Wei', 'Lu', 'Lyu', 'Ding', 'Ren', 'Shen', 'Yao', 'Cui', 'Zhong', 'Tan', 'Fan', 'Jin',
  'Shi', 'Liao', 'Jia', 'Xia', 'Fu', 'Fang', 'Bai', 'Zou', 'Meng', 'Xiong', 'Qin', 'Qiu', 'Yin', 'Xue',
  'Yan', 'Duan', 'Lei', 'Hou', 'Long', 'Tao', 'Gu', 'Mao', 'Hao', 'Gong', 'Shao', 'Wan', 'Qian', 'Dai',
  'Mo', 'Kong', 'Xiang', 'Chang', 'Kang', 'Niu', 'Qiao', 'Geng', 'Bao', 'Ouyang', 'Situ', 'Zhuge',
];
