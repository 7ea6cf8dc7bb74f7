import { libraryBuild } from '../../tsup.library.js';

// `kit`: the layout code the upward report (@jianshen/report) shares with the notice.
export default libraryBuild({ index: 'src/index.ts', kit: 'src/kit.ts' });
