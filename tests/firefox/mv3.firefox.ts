import { firefoxLane } from './lane.ts';

// The Manifest V3 build (`wxt build -b firefox --mv3`): the same checks, so that a move to MV3 is known to work.
firefoxLane('firefox-mv3');
