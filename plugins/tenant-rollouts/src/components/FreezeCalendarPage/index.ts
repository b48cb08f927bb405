export { FreezeCalendarPage } from './FreezeCalendarPage';
