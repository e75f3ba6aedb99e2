/** What one request's own consent signals said, decoded (never the raw strings: they carry timestamps). */
export interface RequestConsent {
  /** IAB TCF v2.x (`gdpr_consent`, `gdpr`, `addtl_consent`), as it concerns the receiving company. */
  tcf?: {
    gdprApplies?: boolean;
    cmpId: number;
    policyVersion: number;
    /** This company's TCF vendor id, when the company maps to one; then whether the string gave it consent / LI. */
    vendorId?: number;
    vendorConsent?: boolean;
    vendorLegitimateInterest?: boolean;
    purposesConsent: number[];
    purposesLegitimateInterest: number[];
    specialFeatures: number[];
    /** Google's Additional Consent (`addtl_consent`) provider ids consented, when present. */
    additionalConsent?: number[];
  };
  /** GPP (`gpp`, `gpp_sid`): the applicable section ids and, per section, the opt-outs it records. */
  gpp?: { sectionIds: number[]; sections: { id: number; name: string; optOuts: Record<string, boolean> }[] };
  /** US Privacy (`us_privacy`): notice given, opted out of sale, LSPA covered (true/false/undefined for '-'). */
  usPrivacy?: { notice?: boolean; optOut?: boolean; lspa?: boolean };
  /** Google Consent Mode (`gcs`, `gcd`, `npa`): each storage type granted or denied as the request says. */
  googleConsentMode?: {
    adStorage?: 'granted' | 'denied';
    analyticsStorage?: 'granted' | 'denied';
    adUserData?: 'granted' | 'denied';
    adPersonalization?: 'granted' | 'denied';
    nonPersonalizedAds?: boolean;
  };
  /** Global Privacy Control: the request carried `Sec-GPC: 1`. */
  gpc?: boolean;
}

/** The page's own consent state when the request was sent (from the CMP, read in the page). */
export type ConsentState = 'no-banner' | 'not-answered' | 'accepted' | 'refused' | 'partial' | 'withdrawn' | 'unknown';
export interface ConsentStamp {
  state: ConsentState;
  /** When the page's state became this (the CMP event's time), ms since the epoch; absent for 'no-banner'/'unknown'. */
  since?: number;
  /**
   * On a `not-answered` stamp: when the person later answered the banner (the page's next state, accepted, refused,
   * partial or withdrawn, began), ms since the epoch. Set when that answer arrives; absent while the banner is open.
   */
  answeredAt?: number;
  /** The CMP, as detected: an IAB CMP id (`tcf:28`) or an autoconsent rule name (`cookiebot`). */
  cmp?: string;
}
