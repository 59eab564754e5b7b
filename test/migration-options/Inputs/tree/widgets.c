int widget_old(int id);

int use_widget(int id)
{
	return widget_old(id) + 1;
}
