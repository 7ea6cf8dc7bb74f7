import type { CampaignInput, Lang } from '@jianshen/schema';

export interface CampaignPartProps {
  lang: Lang;
  campaign: CampaignInput;
  /** Called with every edit that parses as a campaign input (validation shown in the part). */
  onCampaignChange: (campaign: CampaignInput) => void;
}

// SKELETON: replaced by the 活动 part (form, live validation, downloads).
export function CampaignPart(props: CampaignPartProps) {
  return <p>{props.campaign.title}</p>;
}
