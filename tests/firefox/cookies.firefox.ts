import { cookieChecks } from './cookies.ts';

// The letter composer finds Firefox's partitioned, isolated and containered cookies: in the published build (MV2),
// and in the MV3 build the lane tests too.
cookieChecks('firefox-mv2');
cookieChecks('firefox-mv3');
