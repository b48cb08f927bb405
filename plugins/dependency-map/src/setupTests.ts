import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Component tests render the whole page against msw; on a busy two-core CI machine a page can
// take longer than jest's 5 s per test and testing-library's 1 s per wait. Stop 24's CI
// saw the rollout board wait over 10 s for its first answer on a loaded machine; long waits cost
// time only when a test fails anyway.
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 20_000 });
