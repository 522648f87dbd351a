import { describeN8n } from './lib/suite';

// n8n 1.x (the newest 1.x release, on Node 20): see scripts/install-n8n.sh
describeN8n(1);
