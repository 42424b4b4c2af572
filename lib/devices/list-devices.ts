/** How each OS family is written in the console. */
export const osLabels = { WINDOWS: "Windows", MACOS: "macOS", LINUX: "Linux", ANDROID: "Android", IOS: "iOS", IPADOS: "iPadOS" } as const;
