// The one line for a port another program holds, said by the launcher (which checks before it
// starts anything) and by the web server (which may still lose the race for it).
export function portTakenMessage(port: number): string {
  return `Port ${port} is already in use by another program: stop it, or set PORT to a free port (PORT=3001 npm start).`;
}
