import { describeN8n } from './lib/suite';

// n8n 2.x (the newest installable release, on Node 24): see scripts/install-n8n.sh
describeN8n(2);
