import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Component tests render the whole page against msw; on a busy two-core CI machine a page can
// take longer than jest's 5 s per test and testing-library's 1 s per wait (the board waits for
// the API and three permission answers).
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });
