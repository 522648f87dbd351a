import { Dialect, SandboxAccount, ServiceProfile, UploadField } from './types';

// The paths the service is known to answer on (vendor document, public client code), and how a service
// reached there answers unless the account or the sandbox's options say otherwise. Which private-install
// servlet takes `filedata` is not known; the sandbox gives it to OcrServlet and keeps `file` on PageOcrServlet.

export interface PathProfile {
	path: string;
	dialect: Dialect;
	uploadField: UploadField;
}

export const PATH_PROFILES: readonly PathProfile[] = [
	{ path: '/ocr/PageOcrServlet', dialect: 'cloud', uploadField: 'file' },
	{ path: '/ocr/recogInterface.srvc', dialect: 'cloud', uploadField: 'file' },
	{ path: '/ocr/v3/recogInterface.srvc', dialect: 'cloud', uploadField: 'file' },
	{ path: '/ocr/recog.srvc', dialect: 'cloud', uploadField: 'file' },
	{ path: '/OcrWeb/servlet/PageOcrServlet', dialect: 'onPremises', uploadField: 'file' },
	{ path: '/OcrWeb/servlet/OcrServlet', dialect: 'onPremises', uploadField: 'filedata' },
];

export type ResolvedProfile = Required<ServiceProfile>;

const BY_PATH = new Map(PATH_PROFILES.map((p) => [p.path, p]));

export function pathProfile(path: string): PathProfile | undefined {
	return BY_PATH.get(path);
}

/** The account's setting, else the sandbox's, else the path's. */
export function resolveProfile(path: PathProfile, sandbox: ServiceProfile, account: SandboxAccount | undefined): ResolvedProfile {
	return {
		dialect: account?.dialect ?? sandbox.dialect ?? path.dialect,
		uploadField: account?.uploadField ?? sandbox.uploadField ?? path.uploadField,
		alwaysCrops: account?.alwaysCrops ?? sandbox.alwaysCrops ?? false,
	};
}
