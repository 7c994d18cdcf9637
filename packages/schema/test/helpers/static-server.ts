// The repo's shared test image server (testdata/serve-images.ts), under this package's names.
export {
  serveTestImages as startStaticServer,
  type TestImageServer as StaticServer,
} from '../../../../testdata/serve-images.js';
