// The licence line every public download carries (the same words as /about#licence).
export const DATA_LICENCE =
  'Licence: text written for Timeline under the MIT licence; quotes belong to their authors; figures from Epoch AI under CC BY 4.0 (https://epoch.ai/data). Cite “Timeline” with the date of the download.';
