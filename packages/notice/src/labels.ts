import { defineTexts, type Lang, textsIn } from '@jianshen/schema/texts';

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

const noticeText = defineTexts({
  contactPerson: { zh: '联系人：', en: 'Contact: ' },
  phone: { zh: '电\u3000话：', en: 'Phone: ' },
  email: { zh: '邮\u3000箱：', en: 'Email: ' },
  address: { zh: '地\u3000址：', en: 'Address: ' },
  attachmentNote: { zh: '附件：', en: 'Attachments: ' },
  attachment: { zh: '附件', en: 'Attachment' },
  attachmentNumbered: { zh: '附件{ordinal}', en: 'Attachment {ordinal}' },
  cc: { zh: '抄送：', en: 'CC: ' },
  issued: { zh: '印发', en: ' issued' },
});

export function noticeLabels(lang: Lang = 'zh'): NoticeLabels {
  const say = textsIn(noticeText, lang);
  return {
    contactPerson: say('contactPerson'),
    phone: say('phone'),
    email: say('email'),
    address: say('address'),
    attachmentNote: say('attachmentNote'),
    attachment: (ordinal) =>
      ordinal === undefined ? say('attachment') : say('attachmentNumbered', { ordinal }),
    cc: say('cc'),
    issued: say('issued'),
  };
}
