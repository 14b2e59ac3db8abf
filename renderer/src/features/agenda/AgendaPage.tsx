import { Route, Routes } from 'react-router';
import { AgendaOverview } from './AgendaOverview';
import { ChosenOpgavePage } from './ChosenOpgavePage';

/** `/agenda` shows the eight opgaven; `/agenda/:id` one chosen opgave with its actions. */
export default function AgendaPage() {
  return (
    <Routes>
      <Route index element={<AgendaOverview />} />
      <Route path=":id" element={<ChosenOpgavePage />} />
    </Routes>
  );
}
