/** The three hierarchies of the campaign: which kind of unit may sit under which, and its network. */
export type Network = 'vss' | 'vnpost' | 'agent';
export type OrgKind =
  | 'vss_central'
  | 'vss_province'
  | 'vss_grassroots'
  | 'post_central'
  | 'post_province'
  | 'post_office'
  | 'post_point'
  | 'commune_committee'
  | 'womens_union'
  | 'farmers_association'
  | 'cooperative';

export const ORG_KINDS: Record<OrgKind, { network: Network; parents: OrgKind[]; vi: string; en: string }> = {
  vss_central: { network: 'vss', parents: [], vi: 'BHXH Việt Nam', en: 'VSS central' },
  vss_province: { network: 'vss', parents: ['vss_central'], vi: 'BHXH tỉnh', en: 'Provincial VSS office' },
  vss_grassroots: {
    network: 'vss',
    parents: ['vss_province'],
    vi: 'BHXH cơ sở',
    en: 'Grassroots VSS office',
  },
  post_central: { network: 'vnpost', parents: [], vi: 'Tổng công ty Bưu điện', en: 'Vietnam Post' },
  post_province: { network: 'vnpost', parents: ['post_central'], vi: 'Bưu điện tỉnh', en: 'Provincial post' },
  post_office: { network: 'vnpost', parents: ['post_province'], vi: 'Bưu cục', en: 'Post office' },
  post_point: {
    network: 'vnpost',
    parents: ['post_office'],
    vi: 'Điểm Bưu điện – Văn hóa xã',
    en: 'Commune post point',
  },
  commune_committee: {
    network: 'agent',
    parents: ['vss_grassroots', 'vss_province'],
    vi: 'UBND xã',
    en: "Commune People's Committee",
  },
  womens_union: {
    network: 'agent',
    parents: ['vss_grassroots', 'vss_province'],
    vi: 'Hội Liên hiệp Phụ nữ',
    en: "Women's Union",
  },
  farmers_association: {
    network: 'agent',
    parents: ['vss_grassroots', 'vss_province'],
    vi: 'Hội Nông dân',
    en: "Farmers' Association",
  },
  cooperative: {
    network: 'agent',
    parents: ['vss_grassroots', 'vss_province'],
    vi: 'Hợp tác xã',
    en: 'Cooperative',
  },
};

export const ORG_KIND_NAMES = Object.keys(ORG_KINDS) as OrgKind[];

/** Central units see the whole country. */
export function isNationalKind(kind: string): boolean {
  return kind === 'vss_central' || kind === 'post_central';
}
