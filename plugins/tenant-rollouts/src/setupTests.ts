import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The board's pages wait for the API and three permission answers; on a busy CI machine that can
// take longer than testing-library's default second.
configure({ asyncUtilTimeout: 10_000 });
