export interface Config {
  app?: {
    signIn?: {
      /**
       * Sign-in providers offered on the sign-in page, in order. `guest` is for local use only;
       * production uses `github` (see app-config.production.yaml).
       * @visibility frontend
       */
      providers?: Array<'guest' | 'github'>;
    };
  };
}
