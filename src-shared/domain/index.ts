// The domain core's public surface: entities, the workflow table and the SLA calendar.

export * from './actor';
export * from './agency';
export * from './archive-reason';
export * from './assert-never';
export * from './audit-event';
export * from './calendar-date';
export * from './category';
export * from './disposition';
export * from './entity-id';
export * from './epoch-ms';
export * from './follow-up';
export * from './holiday';
export * from './holidays-id';
export * from './note';
export * from './report';
export * from './report-status';
export * from './report-workflow';
export * from './response';
export * from './saved-view';
export * from './sla-calendar';
export * from './template';
export * from './time-zone';
export * from './user';
