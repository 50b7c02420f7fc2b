// Referenced by jest.config.cjs (setupFilesAfterEnv). Intentionally empty for now.
