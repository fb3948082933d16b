import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { I18nProvider } from '../i18n/i18n';
import { AuthProvider } from '../features/auth/auth.store';
import { LoginPage } from '../features/auth/LoginPage';
import { SessionLayout } from './SessionLayout';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TemplatesPage } from '../features/settings/templates/TemplatesPage';
import { ImportPage } from '../features/import/ImportPage';
import { DirectoryAdminPage } from '../features/settings/directory/DirectoryAdminPage';
import { ToastHost, ToastProvider } from './toasts';

function Root(props: RouteSectionProps) {
  return (
    <>
      {props.children}
      <ToastHost />
    </>
  );
}

/**
 * "/", "/queue" and "/items/:id" are all the queue workspace; the layout renders the queue once
 * so opening an item does not rebuild the table (sorting, filters and scroll stay). "/wall" is
 * the head's wall.
 */
export function App() {
  return (
    <I18nProvider>
      <ToastProvider>
        <AuthProvider>
          <Router root={Root}>
            <Route path="/login" component={LoginPage} />
            <Route path="/" component={SessionLayout}>
              <Route path="/" />
              <Route path="/queue" />
              <Route path="/items/:id" />
              <Route path="/wall" />
              <Route path="/meetings" component={MeetingsPage} />
              <Route path="/meetings/:id" component={MeetingPage} />
              <Route path="/settings/deadlines" component={SettingsPage} />
              <Route path="/settings/templates" component={TemplatesPage} />
              <Route path="/import" component={ImportPage} />
              <Route path="/settings/directory" component={DirectoryAdminPage} />
              <Route path="*rest" component={() => <Navigate href="/" />} />
            </Route>
          </Router>
        </AuthProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
