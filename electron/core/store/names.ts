/** The store file inside the data folder. */
export const STORE_FILE_NAME = 'teamchef.sqlite';
