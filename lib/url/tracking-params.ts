/**
 * Query parameters that say where a visitor came from, never which page they see.
 * Dropping them makes the same article one page in the store, whether it was opened
 * from a newsletter, a WeChat share or a search ad. A parameter belongs here only if no
 * site uses it to choose content; names that some sites do use for content (`from`,
 * `s`, `t`, `mid`, `ts`) are listed per site below, not here.
 */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Ad click ids: Google, Microsoft, Yandex, X/Twitter, TikTok, LinkedIn, Facebook, Instagram.
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'ysclid', 'twclid', 'ttclid',
  'li_fat_id', 'fbclid', 'fb_action_ids', 'fb_action_types', 'fb_source', 'fb_ref', 'igshid', 'igsh',
  // Analytics cross-domain linkers and campaign ids.
  '_ga', '_gl', '_openstat', 'cmpid', 'ncid', 'ocid', 's_kwcid',
  // Newsletters and marketing automation: Mailchimp, HubSpot, Marketo, Omeda, Vero, Wicked Reports.
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'mkt_tok',
  'oly_enc_id', 'oly_anon_id', 'vero_id', 'vero_conv', 'wickedid',
  // Chinese platforms: Alibaba's SPM click paths (also Youku, Tmall and others), Bilibili's
  // share source, WeChat's "opened in the app" flag, Toutiao's and Xiaohongshu's share markers.
  'spm', 'scm', 'spm_id_from', 'from_spmid', 'vd_source', 'isappinstalled', 'wxshare_count', 'tt_from',
  'xhsshare', 'app_platform',
]);

/** Families of tracking parameters: `utm_source`, Matomo/Piwik campaigns, share attribution. */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_', 'hsa_', 'share_', 'sharer_'];

/** Parameters that only mean "where from" on particular sites (host or any subdomain of it). */
export const SITE_TRACKING_PARAMS: ReadonlyArray<{ hosts: readonly string[]; params: readonly string[] }> = [
  // `s` and `t` are the share-sheet markers on X/Twitter; elsewhere `s` is often a search.
  { hosts: ['twitter.com', 'x.com'], params: ['s', 't', 'ref_src', 'ref_url'] },
  // `si` is YouTube's share id; `t` (a start time) is kept.
  { hosts: ['youtube.com', 'youtu.be'], params: ['si', 'feature'] },
  { hosts: ['weibo.com', 'weibo.cn'], params: ['from', 'wm', 'luicode', 'lfid', 'featurecode', 'jumpfrom', 'sourcetype'] },
  {
    hosts: ['bilibili.com', 'b23.tv'],
    params: ['bbid', 'ts', 'unique_k', 'buvid', 'up_id', 'plat_id', 'timestamp', 'msource', 'from_source', 'from', 'seid'],
  },
  {
    hosts: ['douyin.com', 'iesdouyin.com'],
    params: ['previous_page', 'enter_from', 'enter_method', 'u_code', 'did', 'iid', 'with_sec_did', 'timestamp', 'app', 'region', 'ug_source'],
  },
  { hosts: ['toutiao.com'], params: ['app', 'timestamp', 'use_new_style', 'req_id', 'wid'] },
];

/**
 * Sites whose pages are named by a few parameters and whose other parameters are all
 * session and share noise. A WeChat article link carries a dozen of those (`chksm`,
 * `scene`, `sharer_shareid`, `pass_ticket`, `key`…), some of them per reader; the article
 * itself is `__biz` + `mid` + `idx` + `sn`.
 */
export const SITE_KEPT_PARAMS: ReadonlyArray<{ hosts: readonly string[]; path: string; keep: readonly string[] }> = [
  { hosts: ['mp.weixin.qq.com'], path: '/s', keep: ['__biz', 'mid', 'idx', 'sn'] },
];
