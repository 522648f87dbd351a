// Public types of the sandbox; server.ts re-exports them (other code imports from there).

export interface SandboxAccount {
	key: string;
	secret: string;
	state?: 'active' | 'blocked';
	/** undefined = unlimited */
	remainingCalls?: number;
	/** undefined = every product */
	allowedPids?: number[];
}

export type FaultKind =
	| 'busy'
	| 'timeout'
	| 'ioError'
	| 'clientDisconnected'
	| 'badImage'
	| 'http5xx'
	| 'reset'
	| 'truncated'
	| 'slow'
	| 'wrongContentType'
	| 'emptyBody'
	| 'htmlBody';

export interface Fault {
	kind: FaultKind;
	/** total calls it hits; default unlimited */
	times?: number;
	/** hits only the first N calls of each distinct request (requestId if sent, else sha1 of the image) */
	perRequest?: number;
	/** http5xx: the status, default 502 */
	status?: number;
	/** slow: wait this long, then answer normally */
	delayMs?: number;
}

export interface RecordedCall {
	seq: number;
	path: string;
	contentType: string;
	encoding: 'urlencoded' | 'multipart' | 'other';
	/** every text field as received incl. key and secret; `file` replaced by `<base64 N chars>` */
	fields: Record<string, string>;
	imageSource: 'file' | 'mfile' | 'urlPath' | null;
	imageBytes: number;
	mfileName?: string;
	mfileType?: string;
	rawBodyBytes: number;
	/** null when a fault (other than `slow`) or a non-JSON page answered */
	errorCode: string | null;
	fault?: FaultKind;
	billed: boolean;
	startedAt: number;
	endedAt: number;
}

export interface SandboxOptions {
	/** 0 = random */
	port?: number;
	/** default 127.0.0.1 */
	host?: string;
	accounts?: SandboxAccount[];
	/** added to every recognition */
	latencyMs?: number;
	/** more recognition calls in flight than this answer ErrorCode -52 */
	maxConcurrent?: number;
	/** urlPath download timeout; default 10 000 ms (tests lower it) */
	downloadTimeoutMs?: number;
}

export interface Sandbox {
	/** http://127.0.0.1:PORT */
	url: string;
	/** url + '/ocr/PageOcrServlet' */
	endpoint: string;
	calls: RecordedCall[];
	peakInFlight: number;
	addFault(f: Fault): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	setMaxConcurrent(n: number | undefined): void;
	account(key: string): SandboxAccount | undefined;
	/** clears calls, faults, peak and restores the accounts (counters, state) as they were at start */
	reset(): void;
	close(): Promise<void>;
}
