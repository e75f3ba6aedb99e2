import { firefoxLane } from './lane.ts';

// The build addons.mozilla.org publishes (`wxt build -b firefox`).
firefoxLane('firefox-mv2');
