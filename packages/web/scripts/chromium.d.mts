import type { Browser } from 'playwright-core';

export declare const chromiumPath: string;
export declare const chromiumMissingReason: string | undefined;
export declare function launchChromium(): Promise<Browser>;
