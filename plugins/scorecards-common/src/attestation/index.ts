export * from './verificationSummary';
