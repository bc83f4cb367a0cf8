/** The single IPC channel the preload exposes (kept apart so the preload bundle stays tiny). */
export const IPC_CHANNEL = 'tonghop:invoke';
