// Public types of the sandbox; server.ts re-exports them (other code imports from there).

/** cloud: the answers of www.etoplive.com; onPremises: a private install's PageInfo wrapper (see envelope.ts) */
export type Dialect = 'cloud' | 'onPremises';

/** The form field that carries the base64 image: `file` (vendor document) or `filedata` (some private installs). */
export type UploadField = 'file' | 'filedata';

/**
 * How the service at hand answers. Each member is looked up on the calling account, then on the sandbox's
 * options, then on the path (profile.ts: /OcrWeb/servlet/... paths answer as private installs).
 */
export interface ServiceProfile {
	dialect?: Dialect;
	uploadField?: UploadField;
	/** send the crops (image_data, head_image_data) even without removeImgData=0, as some real services do */
	alwaysCrops?: boolean;
}

export interface SandboxAccount extends ServiceProfile {
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
	/** every text field as received incl. key and secret; `file` and `filedata` replaced by `<base64 N chars>` */
	fields: Record<string, string>;
	imageSource: 'file' | 'filedata' | 'mfile' | 'urlPath' | null;
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

export interface SandboxOptions extends ServiceProfile {
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
	/** url + '/ocr/PageOcrServlet' (cloud) */
	endpoint: string;
	/** url + '/OcrWeb/servlet/PageOcrServlet' (a private install: PageInfo answers, `file`) */
	onPremisesEndpoint: string;
	/** url + '/OcrWeb/servlet/OcrServlet' (a private install that takes the image as `filedata`) */
	filedataEndpoint: string;
	calls: RecordedCall[];
	peakInFlight: number;
	addFault(f: Fault): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	setMaxConcurrent(n: number | undefined): void;
	account(key: string): SandboxAccount | undefined;
	/** the sandbox-wide service profile, live: set its members to change how every account's service answers */
	profile: ServiceProfile;
	/** clears calls, faults, peak and restores the accounts (counters, state) as they were at start */
	reset(): void;
	close(): Promise<void>;
}
