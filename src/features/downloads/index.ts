export { dataStamp, downloadList, jsonDownload, csvDownload, timelineJsDownload, DATA_LICENCE, type DataStamp, type DownloadFile } from './downloads.service.ts';
