import type { Lang } from '@jianshen/schema';

/** The few fixed words the notice prints; Chinese unless `lang: 'en'`. */
export interface NoticeLabels {
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  attachmentNote: string;
  attachment: (ordinal?: number) => string;
  cc: string;
  issued: string;
}

const zh: NoticeLabels = {
  contactPerson: '联系人：',
  phone: '电\u3000话：',
  email: '邮\u3000箱：',
  address: '地\u3000址：',
  attachmentNote: '附件：',
  attachment: (ordinal) => (ordinal === undefined ? '附件' : `附件${ordinal}`),
  cc: '抄送：',
  issued: '印发',
};

const en: NoticeLabels = {
  contactPerson: 'Contact: ',
  phone: 'Phone: ',
  email: 'Email: ',
  address: 'Address: ',
  attachmentNote: 'Attachments: ',
  attachment: (ordinal) => (ordinal === undefined ? 'Attachment' : `Attachment ${ordinal}`),
  cc: 'CC: ',
  issued: ' issued',
};

export function noticeLabels(lang: Lang = 'zh'): NoticeLabels {
  return lang === 'en' ? en : zh;
}
