/** Words and people the generated mail is made of: ordinary office mail in China and abroad. */

export interface Person {
  name: string;
  address: string;
}

export const CHINESE_PEOPLE: readonly Person[] = [
  { name: '张伟', address: 'zhangwei@qq.com' },
  { name: '王芳', address: 'wangfang@163.com' },
  { name: '李娜', address: 'lina@126.com' },
  { name: '刘洋', address: 'liuyang@corp.example.cn' },
  { name: '陈静', address: 'chenjing@yeah.net' },
  { name: '杨磊', address: 'yanglei@aliyun.com' },
  // 喆, 堃 and 镕 are outside GB2312: mail labelled gb2312 that carries them is really GBK
  { name: '王喆', address: 'wangzhe@163.com' },
  { name: '李堃', address: 'likun@qq.com' },
  { name: '朱镕', address: 'zhurong@sina.com' },
];

export const ENGLISH_PEOPLE: readonly Person[] = [
  { name: 'John Smith', address: 'john.smith@example.org' },
  { name: 'Alice Wong', address: 'alice.wong@example.com' },
  { name: 'Mark Lee', address: 'mark@startup.example' },
  { name: 'Sarah Chen', address: 'sarah.chen@gmail.example' },
  { name: 'GitHub', address: 'noreply@github.example' },
];

export const CHINESE_SUBJECTS: readonly string[] = [
  '关于下周项目评审会议的通知',
  '请查收：第三季度财务报告',
  '合同草案（第二版）请审阅',
  '【重要】系统升级维护公告',
  '周报：本周工作总结与下周计划',
  '发票已开具，请确认收货地址',
  '面试安排确认 — 李堃 喆 先生',
  '年度预算审批流程说明',
  '欢迎参加新员工培训',
  '您的快递物流信息已更新',
];

export const ENGLISH_SUBJECTS: readonly string[] = [
  'Quarterly budget review',
  'Release notes for version 2.4',
  'Invoice #20231 attached',
  'Weekly status update',
  'Security alert: new sign-in to your account',
  'Agenda for Thursday planning meeting',
  'Your order has shipped',
  'Contract proposal — please review',
];

export const CHINESE_SENTENCES: readonly string[] = [
  '您好，附件是本季度的财务报告，请查收。',
  '会议定于下周三下午两点在三楼会议室举行，请准时参加。',
  '如有任何问题，请随时与我联系。',
  '感谢您一直以来的支持与合作，祝工作顺利！',
  '系统将于本周六凌晨进行升级维护，期间服务可能短暂中断。',
  '请在周五之前提交相关材料，以便我们尽快完成审批。',
  '关于合同条款，我们还有几点需要进一步讨论。',
  '此致敬礼。',
];

export const ENGLISH_SENTENCES: readonly string[] = [
  'Please find the attached report for this quarter.',
  'The meeting is scheduled for Wednesday at 2 pm in room 301.',
  'Let me know if you have any questions.',
  'Thanks for your continued support.',
  'The system will be down for maintenance on Saturday night.',
  'Please submit the documents by Friday so we can finish the approval.',
  'We still have a few points in the contract to discuss.',
  'Best regards.',
];

export const ATTACHMENT_NAMES: readonly string[] = [
  '季度报告.pdf',
  '合同草案（第二版）.docx',
  '发票2025-11.xlsx',
  '会议纪要.txt',
  'budget-2025.xlsx',
  '照片 001.jpg',
];
